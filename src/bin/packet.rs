//! The packet worker (`packet-worker.js` starts it in a Web Worker on first use): makes and
//! opens packets away from the page, so the applicants' first load does not carry this code.

fn main() {
    yibiao::platform::packet_worker::serve();
}

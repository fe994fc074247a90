//! The entry point trunk builds: starts the app.

fn main() {
    yibiao::start();
}

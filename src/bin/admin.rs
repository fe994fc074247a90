//! The entry point of the catalog page for administrators (`admin.html`).

fn main() {
    yibiao::start_admin();
}

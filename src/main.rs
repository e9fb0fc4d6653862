//! The `zhibiao` binary: the command line natively, the web page when built for wasm32 (trunk).

/// The allocator of the native CLI: mimalloc.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(zhibiao::cli::run(&args));
}

#[cfg(target_arch = "wasm32")]
fn main() {
    zhibiao::web::start();
}

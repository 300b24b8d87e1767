//! Gives `hysim-torch` (and the tests) an rpath to libtorch, as `../hysim-nn/build.rs` does
//! for the other crates that link tch, and keeps `libtorch_cuda` linked into `hysim-torch`
//! only: `hysim`, which does not link libtorch, must not load it either.

fn main() {
    println!("cargo:rerun-if-env-changed=LIBTORCH");
    println!("cargo:rerun-if-changed=build.rs");
    if let Some(libtorch) = std::env::var_os("LIBTORCH") {
        let path = std::path::PathBuf::from(libtorch);
        let path = path.canonicalize().unwrap_or(path);
        let lib = path.join("lib");
        println!("cargo:rustc-link-arg-bin=hysim-torch=-Wl,-rpath,{}", lib.display());
        println!("cargo:rustc-link-arg-tests=-Wl,-rpath,{}", lib.display());
        // Nothing calls into libtorch_cuda directly, so the linker would drop it as unneeded
        // and libtorch would see no CUDA device at run time; keep it when the install has it.
        if lib.join("libtorch_cuda.so").is_file() {
            println!("cargo:rustc-link-arg-bin=hysim-torch=-Wl,--no-as-needed,-ltorch_cuda,--as-needed");
        }
    }
}

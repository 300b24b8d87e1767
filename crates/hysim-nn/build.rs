//! Gives the test and binary targets of a tch crate an rpath to libtorch.
//!
//! torch-sys links libtorch but adds no rpath, and cargo ignores `LD_LIBRARY_PATH` from
//! `[env]` for the processes it starts. `LIBTORCH` comes from `.cargo/config.toml` (the
//! `.libtorch` link that `cargo xtask setup` makes) or from the user's environment. The
//! link is resolved so binaries keep working if it is later repointed. It also keeps
//! `libtorch_cuda` linked, without which CUDA is invisible to the binary. Every crate that
//! links tch uses this file through `build = "../hysim-nn/build.rs"`, except `hysim-cli`,
//! whose own build script gives these flags to `hysim-torch` only (`hysim` must not load
//! libtorch).

fn main() {
    println!("cargo:rerun-if-env-changed=LIBTORCH");
    println!("cargo:rerun-if-changed=build.rs");
    if let Some(libtorch) = std::env::var_os("LIBTORCH") {
        let path = std::path::PathBuf::from(libtorch);
        let path = path.canonicalize().unwrap_or(path);
        println!("cargo:rustc-link-arg=-Wl,-rpath,{}", path.join("lib").display());
        // Nothing calls into libtorch_cuda directly, so the linker would drop it as unneeded
        // and libtorch would see no CUDA device at run time; keep it when the install has it.
        if path.join("lib").join("libtorch_cuda.so").is_file() {
            println!("cargo:rustc-link-arg=-Wl,--no-as-needed,-ltorch_cuda,--as-needed");
        }
    }
}

//! Gives the test and binary targets of a tch crate an rpath to libtorch.
//!
//! torch-sys links libtorch but adds no rpath, and cargo ignores `LD_LIBRARY_PATH` from
//! `[env]` for the processes it starts. `LIBTORCH` comes from `.cargo/config.toml` (the
//! `.libtorch` link that `cargo xtask setup` makes) or from the user's environment. The
//! link is resolved so binaries keep working if it is later repointed. It also keeps
//! `libtorch_cuda` linked, without which CUDA is invisible to the binary. Every crate that
//! links tch uses this file through `build = "../hysim-nn/build.rs"`. In `hysim-cli` the
//! flags go to `hysim-torch` (and the rpath to the tests) only: `hysim`, its other binary,
//! must not load libtorch.

fn main() {
    println!("cargo:rerun-if-env-changed=LIBTORCH");
    println!("cargo:rerun-if-changed=build.rs");
    // `cargo:rustc-link-arg{scope}FLAG`: every target, or the named ones.
    let cli = std::env::var("CARGO_PKG_NAME").is_ok_and(|p| p == "hysim-cli");
    let (rpath_scopes, cuda_scopes): (&[&str], &[&str]) =
        if cli { (&["-bin=hysim-torch=", "-tests="], &["-bin=hysim-torch="]) } else { (&["="], &["="]) };
    if let Some(libtorch) = std::env::var_os("LIBTORCH") {
        let path = std::path::PathBuf::from(libtorch);
        let path = path.canonicalize().unwrap_or(path);
        for scope in rpath_scopes {
            println!("cargo:rustc-link-arg{scope}-Wl,-rpath,{}", path.join("lib").display());
        }
        // Nothing calls into libtorch_cuda directly, so the linker would drop it as unneeded
        // and libtorch would see no CUDA device at run time; keep it when the install has it.
        if path.join("lib").join("libtorch_cuda.so").is_file() {
            for scope in cuda_scopes {
                println!("cargo:rustc-link-arg{scope}-Wl,--no-as-needed,-ltorch_cuda,--as-needed");
            }
        }
    }
}

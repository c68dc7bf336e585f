//! Reads one file's claims N times (for profiling): `cargo run --release --example read_file FILE N`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1]).expect("file");
    let n: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(1);
    let mut claims = 0;
    for _ in 0..n {
        claims += factmark::read_claims("profile", &text)
            .map(|c| c.len())
            .unwrap_or(0);
    }
    println!("{claims} claims");
}

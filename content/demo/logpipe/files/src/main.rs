mod tail;

#[tokio::main]
async fn main() {
    let config = std::env::args().nth(2).unwrap_or_else(|| "/etc/logpipe/logpipe.toml".into());
    println!("logpipe starting with {config}");
}

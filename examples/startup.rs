//! Times `Extractor::new()` in process: wall clock per build and the
//! process's CPU time per build (all threads), so that a parallel build can
//! be judged on both. The criterion benchmark (`cargo bench --bench extract
//! -- new`) stays the reference figure; this adds the CPU time it lacks.
//!
//! ```sh
//! cargo run --release --example startup -- 40    # 40 builds after 3 warm-up builds
//! ```
//!
//! CPU time comes from `/proc/self/stat` (Linux; in clock ticks, usually
//! 10 ms, hence a total over many builds).

use frextract::Extractor;
use std::time::Instant;

fn main() {
    let builds: usize = std::env::args()
        .nth(1)
        .map(|n| n.parse().expect("usage: startup [BUILDS]"))
        .unwrap_or(40);
    for _ in 0..3 {
        std::hint::black_box(Extractor::new());
    }
    let cpu_start = cpu_seconds();
    let mut wall_ms: Vec<f64> = (0..builds)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(Extractor::new());
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    let cpu = cpu_seconds().zip(cpu_start).map(|(end, start)| end - start);
    wall_ms.sort_by(f64::total_cmp);
    let mean = wall_ms.iter().sum::<f64>() / builds as f64;
    println!(
        "Extractor::new() x {builds}: wall min {:.1} ms, median {:.1} ms, mean {mean:.1} ms, max {:.1} ms",
        wall_ms[0],
        wall_ms[builds / 2],
        wall_ms[builds - 1]
    );
    match cpu {
        Some(cpu) => println!(
            "CPU time (user + system, all threads): {:.1} ms per build",
            cpu * 1e3 / builds as f64
        ),
        None => println!("CPU time: /proc/self/stat not readable"),
    }
}

/// User plus system CPU seconds of this process so far, all threads.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) and its `)`:
    // state is field 3, utime and stime are fields 14 and 15.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    // USER_HZ is 100 on every Linux platform frextract targets.
    Some(ticks / 100.0)
}

//! Two independent pieces of one render at once, on the machine's spare
//! core: a scoped helper thread runs one while the calling thread runs the
//! other. Inside a rayon pool (batch rendering) every core is already
//! busy, so both run in turn on the calling thread instead.

/// Whether [`both`] runs its two pieces at once here: not inside a rayon
/// pool, where it runs `helper` and then `main` on the calling thread.
pub fn concurrent() -> bool {
    rayon::current_thread_index().is_none()
}

/// Runs `helper` and `main` and returns both results; `helper` on a new
/// thread when that can help ([`concurrent`]), else first. A panic in
/// `helper` resumes on the caller.
pub fn both<H, M, RH, RM>(helper: H, main: M) -> (RH, RM)
where
    H: FnOnce() -> RH + Send,
    RH: Send,
    M: FnOnce() -> RM,
{
    if !concurrent() {
        return (helper(), main());
    }
    std::thread::scope(|s| {
        let handle = s.spawn(helper);
        let main = main();
        let helper = handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (helper, main)
    })
}

#[cfg(test)]
mod tests {
    use super::both;

    #[test]
    fn returns_both_results_in_order() {
        let (a, b) = both(|| (1..=10).sum::<i32>(), || "main".to_string());
        assert_eq!((a, b.as_str()), (55, "main"));
    }

    #[test]
    fn runs_in_turn_inside_a_rayon_pool() {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
        let (a, b) =
            pool.install(|| both(|| std::thread::current().id(), || std::thread::current().id()));
        assert_eq!(a, b, "no helper thread inside a pool");
        assert!(!pool.install(super::concurrent));
        assert!(super::concurrent());
        let (a, b) = both(|| std::thread::current().id(), || std::thread::current().id());
        assert_ne!(a, b, "a helper thread outside a pool");
    }
}

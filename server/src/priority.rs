//! Thread priorities: the public fan-out yields to the chair's path.

/// Sets the calling thread's nice value to `nice` (on Linux the nice value is per thread). Only ever lowers
/// the priority, which needs no privilege; a failure is logged once per thread and otherwise ignored (the
/// server works the same, only the chair's path may then wait behind a large fan-out).
pub fn lower_this_thread(nice: i32) {
    #[cfg(target_os = "linux")]
    if let Err(error) = rustix::process::setpriority_process(None, nice) {
        tracing::warn!(%error, nice, "could not lower this thread's priority");
    }
    #[cfg(not(target_os = "linux"))]
    let _ = nice;
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    #[test]
    fn a_lowered_thread_has_the_nice_value_and_others_keep_theirs() {
        let before = rustix::process::getpriority_process(None).expect("getpriority");
        let inside = std::thread::spawn(|| {
            super::lower_this_thread(12);
            rustix::process::getpriority_process(None).expect("getpriority")
        })
        .join()
        .expect("thread");
        assert_eq!(inside, 12.max(before));
        assert_eq!(
            rustix::process::getpriority_process(None).expect("getpriority"),
            before,
            "only the calling thread changes"
        );
    }
}

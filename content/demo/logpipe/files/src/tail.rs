//! Follows container log files across rotations.

pub struct Tailer {
    pub path: std::path::PathBuf,
    pub offset: u64,
}

//! The one way a process retries. Storage writes are guarded by what the process read
//! (a status, a day's free minutes, the number of handovers); when something changed
//! underneath, the write is refused and the process reads and decides again, a bounded
//! number of times, then gives up with the one "busy" answer:
//!
//! ```text
//! for _ in retry::attempts() {
//!     let seen = read(…).await?;
//!     let decision = domain::decide(&seen)?;
//!     if let Some(done) = retry::settled(db::write(…, &decision).await)? { return Ok(done) }
//! }
//! Err(ApiError::Busy(Busy::Ticket))
//! ```

use crate::error::ApiResult;

/// How many times a process reads and decides again before it gives up.
pub const MAX_ATTEMPTS: usize = 12;

/// The attempts a process may make.
pub fn attempts() -> std::ops::Range<usize> {
    0..MAX_ATTEMPTS
}

/// A write's outcome: `Some` when it was done, `None` when something changed underneath
/// (the write said so, or a transient storage failure: a day filled up, a lock timed
/// out) and the process should read and decide again.
pub fn settled<T>(result: Result<T, db::Error>) -> ApiResult<Option<T>> {
    match result {
        Ok(done) => Ok(Some(done)),
        Err(error) if error.is_transient() => Ok(None),
        Err(error) => Err(error.into()),
    }
}

/// Like [`settled`] for writes that answer `false` when their guard failed.
pub fn done(result: Result<bool, db::Error>) -> ApiResult<bool> {
    Ok(settled(result)?.unwrap_or(false))
}

//! End-to-end tests of Gongbang live in `api/` (one test binary); this library is empty.

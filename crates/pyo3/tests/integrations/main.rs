//! Integration tests of the optional-crate conversions (one module per crate, each compiled
//! only with its cargo feature), on an embedded interpreter. `python3 x.py test-rust` runs
//! them with every integration feature on.

//! `Uuid` <-> `uuid.UUID`: round trips of the nil, max and ordinary UUIDs, subclasses,
//! and the `TypeError` for anything that is not a `uuid.UUID`.

use ::uuid::Uuid;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;

use crate::util::{assert_err, assert_py_eq, assert_type, eval, instance_of};

#[test]
fn round_trips() {
    Python::attach(|py| {
        let cases = [
            (Uuid::nil(), "00000000-0000-0000-0000-000000000000"),
            (Uuid::max(), "ffffffff-ffff-ffff-ffff-ffffffffffff"),
            (
                Uuid::from_u128(0xa1a2a3a4_b1b2_c1c2_d1d2_d3d4d5d6d7d8),
                "a1a2a3a4-b1b2-c1c2-d1d2-d3d4d5d6d7d8",
            ),
            (Uuid::from_u128(1), "00000000-0000-0000-0000-000000000001"),
        ];
        for (value, text) in cases {
            let obj = value.into_pyobject(py).unwrap();
            assert_type(&obj, "uuid", "UUID");
            assert_eq!(obj.str().unwrap().to_string(), text);
            assert_py_eq(&obj, &format!("__import__('uuid').UUID('{text}')"));
            assert_eq!(
                (&value)
                    .into_pyobject(py)
                    .unwrap()
                    .str()
                    .unwrap()
                    .to_string(),
                text
            );
            let back: Uuid = eval(py, &format!("__import__('uuid').UUID('{text}')"))
                .extract()
                .unwrap();
            assert_eq!(back, value);
        }
        let random: Uuid = eval(py, "__import__('uuid').uuid4()").extract().unwrap();
        assert_eq!(random.get_version_num(), 4);
    });
}

#[test]
fn subclasses_extract() {
    Python::attach(|py| {
        let sub = instance_of(
            py,
            "import uuid\nclass U(uuid.UUID): pass\nmake = lambda: U(int=2**128 - 2)\n",
            "make",
        );
        assert_eq!(
            sub.extract::<Uuid>().unwrap(),
            Uuid::from_u128(u128::MAX - 1)
        );
    });
}

#[test]
fn other_types_are_refused() {
    Python::attach(|py| {
        for expr in [
            "'a1a2a3a4-b1b2-c1c2-d1d2-d3d4d5d6d7d8'",
            "0",
            "b'0123456789abcdef'",
            "None",
        ] {
            assert_err(
                py,
                eval(py, expr).extract::<Uuid>(),
                &py.get_type::<PyTypeError>(),
                "Expected a `uuid.UUID` instance.",
            );
        }
    });
}

#[test]
fn conversions_keep_reference_counts() {
    Python::attach(|py| {
        let obj = Uuid::max().into_pyobject(py).unwrap();
        let obj_before = obj.get_refcnt();
        for _ in 0..10 {
            let value: Uuid = obj.extract().unwrap();
            // A new object, owned only by the result.
            assert_eq!(value.into_pyobject(py).unwrap().get_refcnt(), 1);
        }
        assert_eq!(obj.get_refcnt(), obj_before);
    });
}

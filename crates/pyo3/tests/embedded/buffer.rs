//! `pyo3::buffer`: `PyBuffer<T>` over bytes, bytearray, array.array and memoryviews.
#![cfg(any(not(Py_LIMITED_API), Py_3_11))]

use std::ffi::CString;
use std::fmt::Debug;
use std::os::raw::{c_long, c_ulong};

use pyo3::buffer::{Element, PyBuffer};
use pyo3::exceptions::{PyBufferError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyMemoryView};
use pyo3::FromPyObjectOwned;

/// Evaluates `code` with `array` imported.
fn eval<'py>(py: Python<'py>, code: &str) -> Bound<'py, PyAny> {
    let globals = PyDict::new(py);
    py.run(c"import array", Some(&globals), None).unwrap();
    py.eval(&CString::new(code).unwrap(), Some(&globals), None)
        .unwrap()
}

/// Asserts that `err` is a `BufferError` reading `message`.
fn assert_buffer_error(py: Python<'_>, err: PyErr, message: &str) {
    assert!(err.is_instance_of::<PyBufferError>(py), "{err}");
    assert_eq!(err.value(py).to_string(), message);
}

#[test]
fn bytes_are_a_readonly_contiguous_view() {
    Python::attach(|py| {
        let bytes = PyBytes::new(py, b"abcde");
        assert_refcnt!(bytes, {
            let buffer = PyBuffer::<u8>::get(bytes.as_any()).unwrap();
            assert!(buffer.readonly());
            assert_eq!(buffer.item_size(), 1);
            assert_eq!(buffer.item_count(), 5);
            assert_eq!(buffer.len_bytes(), 5);
            assert_eq!(buffer.dimensions(), 1);
            assert_eq!(buffer.shape(), [5]);
            assert_eq!(buffer.strides(), [1]);
            assert_eq!(buffer.suboffsets(), None);
            assert_eq!(buffer.format(), c"B");
            assert!(buffer.is_c_contiguous());
            assert!(buffer.is_fortran_contiguous());

            let start = bytes.as_bytes().as_ptr();
            assert_eq!(buffer.buf_ptr().cast_const().cast::<u8>(), start);
            assert_eq!(buffer.get_ptr(&[]).cast_const().cast::<u8>(), start);
            assert_eq!(
                buffer.get_ptr(&[3]).cast_const().cast::<u8>(),
                start.wrapping_add(3)
            );

            let cells = buffer.as_slice(py).unwrap();
            let values: Vec<u8> = cells.iter().map(|c| c.get()).collect();
            assert_eq!(values, b"abcde");
            assert_eq!(cells[2].as_ptr(), start.wrapping_add(2));
            assert_eq!(buffer.as_fortran_slice(py).unwrap().len(), 5);
            assert!(buffer.as_mut_slice(py).is_none());
            assert!(buffer.as_fortran_mut_slice(py).is_none());

            assert_eq!(buffer.to_vec(py).unwrap(), b"abcde");
            assert_eq!(buffer.to_fortran_vec(py).unwrap(), b"abcde");
            let mut out = [0u8; 5];
            buffer.copy_to_slice(py, &mut out).unwrap();
            assert_eq!(&out, b"abcde");

            let err = buffer.copy_from_slice(py, b"vwxyz").unwrap_err();
            assert_buffer_error(py, err, "cannot write to read-only buffer");
            let err = buffer.copy_from_fortran_slice(py, b"vwxyz").unwrap_err();
            assert_buffer_error(py, err, "cannot write to read-only buffer");
            assert_eq!(bytes.as_bytes(), b"abcde");
        });
    });
}

#[test]
fn bytearray_is_writable_and_pinned_while_viewed() {
    Python::attach(|py| {
        let data = PyByteArray::new(py, b"hello");
        assert_refcnt!(data, {
            let buffer = PyBuffer::<u8>::get(data.as_any()).unwrap();
            assert!(!buffer.readonly());
            let cells = buffer.as_mut_slice(py).unwrap();
            cells[0].set(b'j');
            assert_eq!(data.to_vec(), b"jello");
            assert_eq!(buffer.as_fortran_mut_slice(py).unwrap().len(), 5);

            buffer.copy_from_slice(py, b"world").unwrap();
            assert_eq!(data.to_vec(), b"world");
            buffer.copy_from_fortran_slice(py, b"WORLD").unwrap();
            assert_eq!(data.to_vec(), b"WORLD");
            // Python sees the Rust writes, and Rust sees Python's.
            py_assert!(py, data; "data == bytearray(b'WORLD')");
            py.run(
                c"data[1] = ord('0')",
                None,
                Some(&[("data", &data)].into_py_dict(py).unwrap()),
            )
            .unwrap();
            assert_eq!(buffer.as_slice(py).unwrap()[1].get(), b'0');

            let err = data.resize(10).unwrap_err();
            assert!(err.is_instance_of::<PyBufferError>(py), "{err}");
            buffer.release(py);
            data.resize(2).unwrap();
        });
    });
}

use pyo3::types::IntoPyDict;

/// Checks `array.array(code, values)` through a `PyBuffer<T>`.
fn check_array<T>(py: Python<'_>, code: &str, values: &[T])
where
    T: Element + PartialEq + Debug + Default,
    T: for<'py> IntoPyObject<'py> + for<'py> FromPyObjectOwned<'py>,
{
    let list = values.to_vec().into_pyobject(py).unwrap().into_any();
    let array = py
        .import("array")
        .unwrap()
        .getattr("array")
        .unwrap()
        .call1((code, &list))
        .unwrap();
    assert_refcnt!(array, {
        let buffer: PyBuffer<T> = array.extract().unwrap();
        assert_eq!(buffer.format().to_str().unwrap(), code);
        assert_eq!(buffer.item_size(), std::mem::size_of::<T>());
        assert_eq!(buffer.item_count(), values.len());
        assert_eq!(buffer.len_bytes(), std::mem::size_of_val(values));
        assert_eq!(buffer.strides(), [std::mem::size_of::<T>() as isize]);
        assert!(!buffer.readonly());
        assert_eq!(buffer.to_vec(py).unwrap(), values);
        let read: Vec<T> = buffer
            .as_slice(py)
            .unwrap()
            .iter()
            .map(|c| c.get())
            .collect();
        assert_eq!(read, values);

        let zeros = vec![T::default(); values.len()];
        buffer.copy_from_slice(py, &zeros).unwrap();
        let mut out = values.to_vec();
        buffer.copy_to_slice(py, &mut out).unwrap();
        assert_eq!(out, zeros);
        drop(buffer);
    });
    let back: Vec<T> = array.call_method0("tolist").unwrap().extract().unwrap();
    assert_eq!(back, vec![T::default(); values.len()]);
}

#[test]
fn array_of_every_type_code() {
    Python::attach(|py| {
        check_array::<i8>(py, "b", &[-128, 0, 127]);
        check_array::<u8>(py, "B", &[0, 1, 255]);
        check_array::<i16>(py, "h", &[-32768, 2, 32767]);
        check_array::<u16>(py, "H", &[0, 3, 65535]);
        check_array::<i32>(py, "i", &[i32::MIN, 4, i32::MAX]);
        check_array::<u32>(py, "I", &[0, 5, u32::MAX]);
        check_array::<c_long>(py, "l", &[c_long::MIN, 6, c_long::MAX]);
        check_array::<c_ulong>(py, "L", &[0, 7, c_ulong::MAX]);
        check_array::<i64>(py, "q", &[i64::MIN, 8, i64::MAX]);
        check_array::<u64>(py, "Q", &[0, 9, u64::MAX]);
        check_array::<f32>(py, "f", &[-1.5, 0.0, 3.25]);
        check_array::<f64>(py, "d", &[-1.5e300, 0.0, 2.5]);
        // Pointer-sized integers read the same-sized codes.
        check_array::<isize>(py, "q", &[-1, 0, 1]);
        check_array::<usize>(py, "Q", &[0, 1, usize::MAX]);
        check_array::<i32>(py, "i", &[]);
    });
}

#[test]
fn format_mismatch_is_a_buffer_error_and_leaks_nothing() {
    Python::attach(|py| {
        let ints = eval(py, "array.array('i', [1, 2, 3])");
        assert_refcnt!(ints, {
            let err = PyBuffer::<u32>::get(&ints).unwrap_err();
            assert_buffer_error(py, err, "buffer contents are not compatible with u32");
            let err = PyBuffer::<i64>::get(&ints).unwrap_err();
            assert_buffer_error(py, err, "buffer contents are not compatible with i64");
            let err = PyBuffer::<f32>::get(&ints).unwrap_err();
            assert_buffer_error(py, err, "buffer contents are not compatible with f32");
            let err = ints.extract::<PyBuffer<u8>>().unwrap_err();
            assert_buffer_error(py, err, "buffer contents are not compatible with u8");
        });
        // A failed attempt released its view: the array can still grow.
        ints.call_method1("append", (4,)).unwrap();

        let bytes = PyBytes::new(py, b"abcd");
        let err = PyBuffer::<f64>::get(bytes.as_any()).unwrap_err();
        assert_buffer_error(py, err, "buffer contents are not compatible with f64");
        let err = PyBuffer::<i8>::get(bytes.as_any()).unwrap_err();
        assert_buffer_error(py, err, "buffer contents are not compatible with i8");

        // ctypes exports explicit byte orders: the native one is accepted, the other is not.
        let (native, swapped) = if cfg!(target_endian = "little") {
            ("<", ">")
        } else {
            (">", "<")
        };
        let globals = PyDict::new(py);
        py.run(c"import ctypes", Some(&globals), None).unwrap();
        let raw = py
            .eval(c"(ctypes.c_int32 * 3)(1, 2, 3)", Some(&globals), None)
            .unwrap();
        // ctypes leaves `strides` NULL even when asked for them; PyO3 refuses such views
        // too. A memoryview of it fills them in.
        let err = PyBuffer::<i32>::get(&raw).unwrap_err();
        assert_buffer_error(py, err, "strides is null");
        let ints = PyMemoryView::from(&raw).unwrap();
        let buffer = PyBuffer::<i32>::get(&ints).unwrap();
        assert_eq!(buffer.format().to_str().unwrap(), format!("{native}i"));
        assert_eq!(buffer.to_vec(py).unwrap(), [1, 2, 3]);
        let foreign = py
            .eval(
                c"(ctypes.c_int32.__ctype_be__ * 3)(1, 2, 3) if __import__('sys').byteorder == 'little' else (ctypes.c_int32.__ctype_le__ * 3)(1, 2, 3)",
                Some(&globals),
                None,
            )
            .unwrap();
        let view = PyMemoryView::from(&foreign).unwrap();
        let err = PyBuffer::<i32>::get(&view).unwrap_err();
        assert_buffer_error(py, err, "buffer contents are not compatible with i32");
        let format: String = view.getattr("format").unwrap().extract().unwrap();
        assert_eq!(format, format!("{swapped}i"));
    });
}

#[test]
fn non_buffer_objects_raise_type_error() {
    Python::attach(|py| {
        let number = 5i32.into_pyobject(py).unwrap();
        let err = PyBuffer::<u8>::get(number.as_any()).unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py), "{err}");
        assert_eq!(
            err.value(py).to_string(),
            "a bytes-like object is required, not 'int'"
        );
    });
}

#[test]
fn misaligned_memory_is_refused() {
    Python::attach(|py| {
        let view = eval(py, "memoryview(bytearray(9))[1:].cast('i')");
        let err = PyBuffer::<i32>::get(&view).unwrap_err();
        assert_buffer_error(
            py,
            err,
            "buffer contents are insufficiently aligned for i32",
        );
    });
}

#[test]
fn strided_memoryview() {
    Python::attach(|py| {
        let data = PyByteArray::new(py, &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        let locals = [("data", &data)].into_py_dict(py).unwrap();
        let view = py
            .eval(c"memoryview(data)[::2]", None, Some(&locals))
            .unwrap();
        assert_refcnt!(data, {
            let buffer = PyBuffer::<u8>::get(&view).unwrap();
            assert_eq!(buffer.shape(), [5]);
            assert_eq!(buffer.strides(), [2]);
            assert_eq!(buffer.item_count(), 5);
            assert_eq!(buffer.len_bytes(), 5);
            assert!(!buffer.is_c_contiguous());
            assert!(!buffer.is_fortran_contiguous());
            assert!(buffer.as_slice(py).is_none());
            assert!(buffer.as_mut_slice(py).is_none());
            assert!(buffer.as_fortran_slice(py).is_none());
            assert!(buffer.as_fortran_mut_slice(py).is_none());
            assert_eq!(buffer.to_vec(py).unwrap(), [0, 2, 4, 6, 8]);
            assert_eq!(buffer.get_ptr(&[3]), buffer.buf_ptr().wrapping_byte_add(6));
            // SAFETY: attached, no Python code runs, and the pointer is inside `data`.
            assert_eq!(unsafe { *buffer.get_ptr(&[4]).cast::<u8>() }, 8);

            buffer.copy_from_slice(py, &[10, 12, 14, 16, 18]).unwrap();
            assert_eq!(data.to_vec(), [10, 1, 12, 3, 14, 5, 16, 7, 18, 9]);
            buffer.release(py);
        });

        let reversed = py
            .eval(c"memoryview(data)[::-1]", None, Some(&locals))
            .unwrap();
        let buffer = PyBuffer::<u8>::get(&reversed).unwrap();
        assert_eq!(buffer.strides(), [-1]);
        assert_eq!(
            buffer.to_vec(py).unwrap(),
            [9, 18, 7, 16, 5, 14, 3, 12, 1, 10]
        );
        // The first item is the last byte of `data`.
        // SAFETY: attached, no Python code runs, and the pointer is inside `data`.
        assert_eq!(unsafe { *buffer.get_ptr(&[0]).cast::<u8>() }, 9);
        // SAFETY: as above.
        assert_eq!(unsafe { *buffer.get_ptr(&[9]).cast::<u8>() }, 10);
    });
}

#[test]
fn two_dimensional_c_and_fortran_order() {
    Python::attach(|py| {
        let array = eval(py, "array.array('i', range(6))");
        let locals = [("a", &array)].into_py_dict(py).unwrap();
        let grid = py
            .eval(
                c"memoryview(a).cast('B').cast('i', [2, 3])",
                None,
                Some(&locals),
            )
            .unwrap();
        assert_refcnt!(array, {
            let buffer = PyBuffer::<i32>::get(&grid).unwrap();
            assert_eq!(buffer.dimensions(), 2);
            assert_eq!(buffer.shape(), [2, 3]);
            assert_eq!(buffer.strides(), [12, 4]);
            assert_eq!(buffer.item_count(), 6);
            assert!(buffer.is_c_contiguous());
            assert!(!buffer.is_fortran_contiguous());
            assert!(buffer.as_slice(py).is_some());
            assert!(buffer.as_fortran_slice(py).is_none());
            assert!(buffer.as_fortran_mut_slice(py).is_none());

            assert_eq!(buffer.to_vec(py).unwrap(), [0, 1, 2, 3, 4, 5]);
            assert_eq!(buffer.to_fortran_vec(py).unwrap(), [0, 3, 1, 4, 2, 5]);
            let mut out = [0; 6];
            buffer.copy_to_fortran_slice(py, &mut out).unwrap();
            assert_eq!(out, [0, 3, 1, 4, 2, 5]);

            assert_eq!(buffer.get_ptr(&[1]), buffer.buf_ptr().wrapping_byte_add(12));
            // SAFETY: attached, no Python code runs, and the pointer is inside the array.
            assert_eq!(unsafe { *buffer.get_ptr(&[1, 2]).cast::<i32>() }, 5);
            // SAFETY: as above.
            assert_eq!(unsafe { *buffer.get_ptr(&[0, 1]).cast::<i32>() }, 1);

            buffer
                .copy_from_fortran_slice(py, &[10, 13, 11, 14, 12, 15])
                .unwrap();
            let list: Vec<i32> = array.call_method0("tolist").unwrap().extract().unwrap();
            assert_eq!(list, [10, 11, 12, 13, 14, 15]);
            buffer.copy_from_slice(py, &[5, 4, 3, 2, 1, 0]).unwrap();
            assert_eq!(buffer.to_fortran_vec(py).unwrap(), [5, 2, 4, 1, 3, 0]);

            let err = buffer.copy_to_fortran_slice(py, &mut [0; 5]).unwrap_err();
            assert_buffer_error(
                py,
                err,
                "slice to copy to (of length 5) does not match buffer length of 6",
            );
            drop(buffer);
        });
        grid.call_method0("release").unwrap();
    });
}

#[test]
fn strided_two_dimensional_copies() {
    Python::attach(|py| {
        let data = PyByteArray::new(py, &(0..12).collect::<Vec<u8>>());
        let locals = [("data", &data)].into_py_dict(py).unwrap();
        let rows = py
            .eval(
                c"memoryview(data).cast('B', [4, 3])[::2]",
                None,
                Some(&locals),
            )
            .unwrap();
        let buffer = PyBuffer::<u8>::get(&rows).unwrap();
        assert_eq!(buffer.shape(), [2, 3]);
        assert_eq!(buffer.strides(), [6, 1]);
        assert!(!buffer.is_c_contiguous());
        assert!(!buffer.is_fortran_contiguous());
        assert_eq!(buffer.to_vec(py).unwrap(), [0, 1, 2, 6, 7, 8]);
        assert_eq!(buffer.to_fortran_vec(py).unwrap(), [0, 6, 1, 7, 2, 8]);
        buffer
            .copy_from_fortran_slice(py, &[20, 26, 21, 27, 22, 28])
            .unwrap();
        assert_eq!(data.to_vec(), [20, 21, 22, 3, 4, 5, 26, 27, 28, 9, 10, 11]);
    });
}

#[test]
fn a_column_is_both_c_and_fortran_contiguous() {
    Python::attach(|py| {
        let column = eval(py, "memoryview(bytearray(b'xyz')).cast('B', [3, 1])");
        let buffer = PyBuffer::<u8>::get(&column).unwrap();
        assert!(buffer.is_c_contiguous());
        assert!(buffer.is_fortran_contiguous());
        let cells = buffer.as_fortran_mut_slice(py).unwrap();
        cells[2].set(b'!');
        assert_eq!(buffer.to_fortran_vec(py).unwrap(), b"xy!");
    });
}

#[test]
fn copy_length_errors() {
    Python::attach(|py| {
        let data = PyByteArray::new(py, b"12345");
        let buffer = PyBuffer::<u8>::get(data.as_any()).unwrap();
        let err = buffer.copy_to_slice(py, &mut [0; 3]).unwrap_err();
        assert_buffer_error(
            py,
            err,
            "slice to copy to (of length 3) does not match buffer length of 5",
        );
        let err = buffer.copy_from_slice(py, &[0; 6]).unwrap_err();
        assert_buffer_error(
            py,
            err,
            "slice to copy from (of length 6) does not match buffer length of 5",
        );
        let err = buffer.copy_from_fortran_slice(py, &[0; 4]).unwrap_err();
        assert_buffer_error(
            py,
            err,
            "slice to copy from (of length 4) does not match buffer length of 5",
        );
        assert_eq!(data.to_vec(), b"12345");
    });
}

#[test]
fn empty_buffers() {
    Python::attach(|py| {
        let bytes = PyBytes::new(py, b"");
        let buffer = PyBuffer::<u8>::get(bytes.as_any()).unwrap();
        assert_eq!(buffer.item_count(), 0);
        assert_eq!(buffer.shape(), [0]);
        assert!(buffer.as_slice(py).unwrap().is_empty());
        assert!(buffer.to_vec(py).unwrap().is_empty());
        buffer.copy_to_slice(py, &mut []).unwrap();

        let data = PyByteArray::new(py, b"");
        let buffer = PyBuffer::<u8>::get(data.as_any()).unwrap();
        assert!(buffer.as_mut_slice(py).unwrap().is_empty());
        buffer.copy_from_slice(py, &[]).unwrap();
    });
}

#[test]
fn scalar_view_has_no_dimensions() {
    Python::attach(|py| {
        let scalar = eval(py, "memoryview(bytearray(b'q')).cast('B', [])");
        let buffer = PyBuffer::<u8>::get(&scalar).unwrap();
        assert_eq!(buffer.dimensions(), 0);
        assert_eq!(buffer.shape(), [0usize; 0]);
        assert_eq!(buffer.item_count(), 1);
        assert_eq!(buffer.to_vec(py).unwrap(), b"q");
        assert_eq!(buffer.get_ptr(&[]), buffer.buf_ptr());
    });
}

#[test]
#[should_panic(expected = "index 5 out of range for dimension 0 of length 5")]
fn get_ptr_checks_indices() {
    Python::attach(|py| {
        let bytes = PyBytes::new(py, b"abcde");
        let buffer = PyBuffer::<u8>::get(bytes.as_any()).unwrap();
        buffer.get_ptr(&[5]);
    });
}

#[test]
#[should_panic(expected = "2 indices given for a buffer of 1 dimensions")]
fn get_ptr_checks_dimensions() {
    Python::attach(|py| {
        let bytes = PyBytes::new(py, b"abcde");
        let buffer = PyBuffer::<u8>::get(bytes.as_any()).unwrap();
        buffer.get_ptr(&[0, 0]);
    });
}

#[test]
fn release_and_drop_restore_reference_counts() {
    Python::attach(|py| {
        let data = PyByteArray::new(py, b"abc");
        let before = data.get_refcnt();
        let buffer = PyBuffer::<u8>::get(data.as_any()).unwrap();
        assert_eq!(data.get_refcnt(), before + 1);
        buffer.release(py);
        assert_eq!(data.get_refcnt(), before);

        let buffer: PyBuffer<u8> = data.extract().unwrap();
        assert_eq!(data.get_refcnt(), before + 1);
        drop(buffer);
        assert_eq!(data.get_refcnt(), before);
    });
}

#[test]
fn dropped_on_a_thread_that_is_not_attached() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<PyBuffer<u8>>();
    assert_send_sync::<PyBuffer<f64>>();

    Python::attach(|py| {
        let data = PyByteArray::new(py, b"abc");
        let before = data.get_refcnt();
        let buffer = PyBuffer::<u8>::get(data.as_any()).unwrap();
        py.detach(|| {
            std::thread::spawn(move || {
                assert_eq!(buffer.item_count(), 3);
                drop(buffer);
            })
            .join()
            .unwrap();
        });
        crate::util::settle(py, || data.get_refcnt() == before);
        assert_eq!(data.get_refcnt(), before);
        // Resizing fails with BufferError while a view is exported.
        data.resize(8).unwrap();
    });
}

#[test]
fn debug_shows_the_layout() {
    Python::attach(|py| {
        let grid = eval(py, "memoryview(bytes(6)).cast('B', [2, 3])");
        let buffer = PyBuffer::<u8>::get(&grid).unwrap();
        let text = format!("{buffer:?}");
        assert!(text.starts_with("PyBuffer {"), "{text}");
        assert!(text.contains("format: \"B\""), "{text}");
        assert!(text.contains("shape: [2, 3]"), "{text}");
        assert!(text.contains("strides: [3, 1]"), "{text}");
        assert!(text.contains("readonly: true"), "{text}");
    });
}

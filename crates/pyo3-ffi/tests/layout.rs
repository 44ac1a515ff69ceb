//! Layout check (DESIGN.md test layer 5): every struct `pyo3-ffi` declares has the size and
//! field offsets the C compiler gives it with the interpreter's own headers.
//!
//! The table below lists each struct and field once. From it the test writes a C program
//! that prints `Struct=size` and `Struct.field=offset` for each entry, compiles it with `cc`
//! against the interpreter's include directory (with `-DPy_LIMITED_API=0x030X0000` when the
//! crate is built for the limited API, where opaque structs are skipped), runs it, and
//! compares every line with `size_of` / `offset_of!` on the Rust side. A field declared in
//! Rust but absent in C fails the C compile; a field missing in Rust shows up as a size or
//! offset mismatch. Fields gated by version carry the same cfg as in the crate.
//!
//! The interpreter is the one `pyo3_build_config::get()` resolves (set `PYO3_PYTHON` to
//! choose); it must match the crate's cfgs, which the test checks first.

#[path = "support/interpreter.rs"]
mod common;

use std::mem::{offset_of, size_of};
use std::process::Command;

struct Entry {
    key: String,
    rust: usize,
}

fn table() -> Vec<Entry> {
    let mut v: Vec<Entry> = Vec::new();
    macro_rules! size {
        ($ty:ident) => {
            v.push(Entry {
                key: stringify!($ty).to_owned(),
                rust: size_of::<pyo3_ffi::$ty>(),
            })
        };
    }
    macro_rules! field {
        ($ty:ident . $f:ident) => {
            field!($ty . $f => $f)
        };
        ($ty:ident . $f:ident => $cname:ident) => {
            v.push(Entry {
                key: format!("{}.{}", stringify!($ty), stringify!($cname)),
                rust: offset_of!(pyo3_ffi::$ty, $f),
            })
        };
    }
    macro_rules! fields {
        ($ty:ident { $($f:ident),* $(,)? }) => {
            size!($ty);
            $(field!($ty . $f);)*
        };
    }

    size!(PyObject);
    #[cfg(not(Py_GIL_DISABLED))]
    field!(PyObject.ob_refcnt);
    #[cfg(PyPy)]
    field!(PyObject.ob_pypy_link);
    field!(PyObject.ob_type);
    fields!(PyVarObject { ob_base, ob_size });
    fields!(PyMethodDef {
        ml_name,
        ml_meth,
        ml_flags,
        ml_doc
    });
    fields!(PyModuleDef_Base {
        ob_base,
        m_init,
        m_index,
        m_copy
    });
    fields!(PyModuleDef {
        m_base,
        m_name,
        m_doc,
        m_size,
        m_methods,
        m_slots,
        m_traverse,
        m_clear,
        m_free
    });
    fields!(PyModuleDef_Slot { slot, value });
    fields!(PyType_Slot { slot, pfunc });
    fields!(PyType_Spec {
        name,
        basicsize,
        itemsize,
        flags,
        slots
    });
    fields!(PyGetSetDef {
        name,
        get,
        set,
        doc,
        closure
    });
    size!(PyMemberDef);
    field!(PyMemberDef.name);
    field!(PyMemberDef.type_code => type);
    field!(PyMemberDef.offset);
    field!(PyMemberDef.flags);
    field!(PyMemberDef.doc);
    fields!(PyStructSequence_Field { name, doc });
    fields!(PyStructSequence_Desc {
        name,
        doc,
        fields,
        n_in_sequence
    });
    #[cfg(any(Py_3_11, not(Py_LIMITED_API)))]
    fields!(Py_buffer {
        buf,
        obj,
        len,
        itemsize,
        readonly,
        ndim,
        format,
        shape,
        strides,
        suboffsets,
        internal
    });
    #[cfg(PyPy)]
    fields!(Py_buffer {
        flags,
        _strides,
        _shape
    });

    #[cfg(not(Py_LIMITED_API))]
    {
        fields!(PyTypeObject {
            ob_base,
            tp_name,
            tp_basicsize,
            tp_itemsize,
            tp_dealloc,
            tp_getattr,
            tp_setattr,
            tp_as_async,
            tp_repr,
            tp_as_number,
            tp_as_sequence,
            tp_as_mapping,
            tp_hash,
            tp_call,
            tp_str,
            tp_getattro,
            tp_setattro,
            tp_as_buffer,
            tp_flags,
            tp_doc,
            tp_traverse,
            tp_clear,
            tp_richcompare,
            tp_weaklistoffset,
            tp_iter,
            tp_iternext,
            tp_methods,
            tp_members,
            tp_getset,
            tp_base,
            tp_dict,
            tp_descr_get,
            tp_descr_set,
            tp_dictoffset,
            tp_init,
            tp_alloc,
            tp_new,
            tp_free,
            tp_is_gc,
            tp_bases,
            tp_mro,
            tp_cache,
            tp_subclasses,
            tp_weaklist,
            tp_del,
            tp_version_tag,
            tp_finalize,
        });
        #[cfg(any(not(Py_3_8), all(Py_3_8, not(Py_3_9))))]
        field!(PyTypeObject.tp_print);
        #[cfg(Py_3_8)]
        field!(PyTypeObject.tp_vectorcall_offset);
        #[cfg(Py_3_8)]
        field!(PyTypeObject.tp_vectorcall);
        #[cfg(Py_3_12)]
        field!(PyTypeObject.tp_watched);
        #[cfg(Py_3_13)]
        field!(PyTypeObject.tp_versions_used);
        #[cfg(PyPy)]
        fields!(PyTypeObject {
            tp_print,
            tp_pypy_flags
        });
        #[cfg(all(Py_3_13, Py_GIL_DISABLED))]
        fields!(PyCriticalSection {
            _cs_prev,
            _cs_mutex
        });
        #[cfg(all(Py_3_13, Py_GIL_DISABLED))]
        fields!(PyCriticalSection2 {
            _cs_base,
            _cs_mutex2
        });
        fields!(PyNumberMethods {
            nb_add,
            nb_subtract,
            nb_multiply,
            nb_remainder,
            nb_divmod,
            nb_power,
            nb_negative,
            nb_positive,
            nb_absolute,
            nb_bool,
            nb_invert,
            nb_lshift,
            nb_rshift,
            nb_and,
            nb_xor,
            nb_or,
            nb_int,
            nb_reserved,
            nb_float,
            nb_inplace_add,
            nb_inplace_subtract,
            nb_inplace_multiply,
            nb_inplace_remainder,
            nb_inplace_power,
            nb_inplace_lshift,
            nb_inplace_rshift,
            nb_inplace_and,
            nb_inplace_xor,
            nb_inplace_or,
            nb_floor_divide,
            nb_true_divide,
            nb_inplace_floor_divide,
            nb_inplace_true_divide,
            nb_index,
            nb_matrix_multiply,
            nb_inplace_matrix_multiply,
        });
        fields!(PySequenceMethods {
            sq_length,
            sq_concat,
            sq_repeat,
            sq_item,
            was_sq_slice,
            sq_ass_item,
            was_sq_ass_slice,
            sq_contains,
            sq_inplace_concat,
            sq_inplace_repeat,
        });
        fields!(PyMappingMethods {
            mp_length,
            mp_subscript,
            mp_ass_subscript
        });
        fields!(PyAsyncMethods {
            am_await,
            am_aiter,
            am_anext
        });
        #[cfg(Py_3_10)]
        field!(PyAsyncMethods.am_send);
        fields!(PyBufferProcs {
            bf_getbuffer,
            bf_releasebuffer
        });
        size!(PyCompilerFlags);
        field!(PyCompilerFlags.cf_flags);
        #[cfg(Py_3_8)]
        field!(PyCompilerFlags.cf_feature_version);
        fields!(PyBaseExceptionObject {
            ob_base,
            dict,
            args,
            traceback,
            context,
            cause,
            suppress_context
        });
        #[cfg(Py_3_11)]
        field!(PyBaseExceptionObject.notes);
        fields!(PyFloatObject { ob_base, ob_fval });
        // The `int` layout read by the small-int fast path; `digit` also pins the digit
        // width (30 bits) that the crate assumes.
        #[cfg(not(any(PyPy, GraalPy)))]
        size!(digit);
        #[cfg(not(any(Py_3_12, PyPy, GraalPy)))]
        fields!(_longobject { ob_base, ob_digit });
        #[cfg(all(Py_3_12, not(any(PyPy, GraalPy))))]
        {
            fields!(_longobject {
                ob_base,
                long_value
            });
            fields!(_PyLongValue { lv_tag, ob_digit });
        }
        fields!(PyTupleObject { ob_base, ob_item });
        fields!(PyListObject {
            ob_base,
            ob_item,
            allocated
        });
        fields!(PyBytesObject {
            ob_base,
            ob_shash,
            ob_sval
        });
        fields!(PyASCIIObject {
            ob_base,
            length,
            hash,
            state
        });
        #[cfg(not(Py_3_12))]
        field!(PyASCIIObject.wstr);
        fields!(PyCompactUnicodeObject {
            _base,
            utf8_length,
            utf8
        });
        #[cfg(not(Py_3_12))]
        field!(PyCompactUnicodeObject.wstr_length);
        fields!(PyUnicodeObject { _base, data });
        fields!(Py_complex { real, imag });
        fields!(PyComplexObject { ob_base, cval });
        fields!(PyByteArrayObject {
            ob_base,
            ob_alloc,
            ob_bytes,
            ob_start,
            ob_exports
        });
        fields!(PySliceObject {
            ob_base,
            start,
            stop,
            step
        });
        #[cfg(Py_3_11)]
        {
            fields!(PyBaseExceptionGroupObject {
                ob_base,
                dict,
                args,
                traceback,
                context,
                cause,
                suppress_context,
                msg,
                excs
            });
            #[cfg(Py_3_11)]
            field!(PyBaseExceptionGroupObject.notes);
        }
        fields!(PySyntaxErrorObject {
            ob_base,
            dict,
            args,
            traceback,
            context,
            cause,
            suppress_context,
            msg,
            filename,
            lineno,
            offset,
            text,
            print_file_and_line
        });
        #[cfg(Py_3_11)]
        field!(PySyntaxErrorObject.notes);
        #[cfg(Py_3_10)]
        field!(PySyntaxErrorObject.end_lineno);
        #[cfg(Py_3_10)]
        field!(PySyntaxErrorObject.end_offset);
        fields!(PyImportErrorObject {
            ob_base,
            dict,
            args,
            traceback,
            context,
            cause,
            suppress_context,
            msg,
            name,
            path
        });
        #[cfg(Py_3_11)]
        field!(PyImportErrorObject.notes);
        #[cfg(Py_3_12)]
        field!(PyImportErrorObject.name_from);
        fields!(PyUnicodeErrorObject {
            ob_base,
            dict,
            args,
            traceback,
            context,
            cause,
            suppress_context,
            encoding,
            object,
            start,
            end,
            reason
        });
        #[cfg(Py_3_11)]
        field!(PyUnicodeErrorObject.notes);
        fields!(PySystemExitObject {
            ob_base,
            dict,
            args,
            traceback,
            context,
            cause,
            suppress_context,
            code
        });
        #[cfg(Py_3_11)]
        field!(PySystemExitObject.notes);
        fields!(PyOSErrorObject {
            ob_base,
            dict,
            args,
            traceback,
            context,
            cause,
            suppress_context,
            myerrno,
            strerror,
            filename,
            filename2,
            written
        });
        #[cfg(Py_3_11)]
        field!(PyOSErrorObject.notes);
        #[cfg(windows)]
        field!(PyOSErrorObject.winerror);
        fields!(PyStopIterationObject {
            ob_base,
            dict,
            args,
            traceback,
            context,
            cause,
            suppress_context,
            value
        });
        #[cfg(Py_3_11)]
        field!(PyStopIterationObject.notes);
        #[cfg(Py_3_10)]
        {
            fields!(PyNameErrorObject {
                ob_base,
                dict,
                args,
                traceback,
                context,
                cause,
                suppress_context,
                name
            });
            #[cfg(Py_3_11)]
            field!(PyNameErrorObject.notes);
        }
        #[cfg(Py_3_10)]
        {
            fields!(PyAttributeErrorObject {
                ob_base,
                dict,
                args,
                traceback,
                context,
                cause,
                suppress_context,
                obj,
                name
            });
            #[cfg(Py_3_11)]
            field!(PyAttributeErrorObject.notes);
        }
        fields!(PyFunctionObject {
            ob_base,
            func_code,
            func_globals,
            func_defaults,
            func_kwdefaults,
            func_closure,
            func_doc,
            func_name,
            func_dict,
            func_weakreflist,
            func_module,
            func_annotations,
            func_qualname,
        });
        #[cfg(Py_3_8)]
        field!(PyFunctionObject.vectorcall);
        #[cfg(Py_3_10)]
        field!(PyFunctionObject.func_builtins);
        #[cfg(Py_3_11)]
        field!(PyFunctionObject.func_version);
        #[cfg(Py_3_12)]
        field!(PyFunctionObject.func_typeparams);
        fields!(wrapperbase {
            name,
            offset,
            function,
            wrapper,
            doc,
            flags,
            name_strobj
        });
        fields!(PyDescrObject {
            ob_base,
            d_type,
            d_name,
            d_qualname
        });
        fields!(PyMethodDescrObject { d_common, d_method });
        #[cfg(Py_3_8)]
        field!(PyMethodDescrObject.vectorcall);
        fields!(PyMemberDescrObject { d_common, d_member });
        fields!(PyGetSetDescrObject { d_common, d_getset });
        fields!(PyWrapperDescrObject {
            d_common,
            d_base,
            d_wrapped
        });
        fields!(PyCFunctionObject {
            ob_base,
            m_ml,
            m_self,
            m_module,
            m_weakreflist
        });
        #[cfg(Py_3_8)]
        field!(PyCFunctionObject.vectorcall);
        #[cfg(Py_3_9)]
        fields!(PyCMethodObject { func, mm_class });
        fields!(PyHeapTypeObject {
            ht_type,
            as_async,
            as_number,
            as_mapping,
            as_sequence,
            as_buffer,
            ht_name,
            ht_slots,
            ht_qualname,
            ht_cached_keys
        });
        #[cfg(Py_3_9)]
        field!(PyHeapTypeObject.ht_module);
        #[cfg(Py_3_11)]
        field!(PyHeapTypeObject._ht_tpname);
        #[cfg(Py_3_11)]
        field!(PyHeapTypeObject._spec_cache);
        fields!(_PyWeakReference {
            ob_base,
            wr_object,
            wr_callback,
            hash,
            wr_prev,
            wr_next
        });
        #[cfg(Py_3_11)]
        field!(_PyWeakReference.vectorcall);
        fields!(PyMemAllocatorEx {
            ctx,
            malloc,
            calloc,
            realloc,
            free
        });
        fields!(PyObjectArenaAllocator { ctx, alloc, free });
        fields!(_inittab { name, initfunc });
        fields!(_frozen { name, code, size });
        #[cfg(Py_3_11)]
        field!(_frozen.is_package);
        #[cfg(all(Py_3_11, not(Py_3_13)))]
        field!(_frozen.get_code);
        fields!(PyDictObject {
            ob_base,
            ma_used,
            ma_version_tag,
            ma_keys,
            ma_values
        });
        #[cfg(not(Py_3_13))]
        fields!(_PyDictViewObject { ob_base, dv_dict });
        fields!(setentry { key, hash });
        fields!(PySetObject {
            ob_base,
            fill,
            used,
            mask,
            table,
            hash,
            finger,
            smalltable,
            weakreflist
        });
        fields!(PyHash_FuncDef {
            hash,
            name,
            hash_bits,
            seed_bits
        });
        fields!(_PyErr_StackItem {
            exc_value,
            previous_item
        });
        #[cfg(not(Py_3_11))]
        {
            field!(_PyErr_StackItem.exc_type);
            field!(_PyErr_StackItem.exc_traceback);
        }
        fields!(PyGenObject {
            ob_base,
            gi_weakreflist,
            gi_name,
            gi_qualname,
            gi_exc_state
        });
        #[cfg(not(Py_3_11))]
        field!(PyGenObject.gi_frame);
        #[cfg(not(Py_3_10))]
        field!(PyGenObject.gi_running);
        #[cfg(not(Py_3_12))]
        field!(PyGenObject.gi_code);
        #[cfg(Py_3_11)]
        {
            field!(PyGenObject.gi_origin_or_finalizer);
            field!(PyGenObject.gi_hooks_inited);
            field!(PyGenObject.gi_closed);
            field!(PyGenObject.gi_running_async);
            field!(PyGenObject.gi_frame_state);
            field!(PyGenObject.gi_iframe);
        }
        fields!(_PyDateTime_BaseTime {
            ob_base,
            hashcode,
            hastzinfo,
            data
        });
        fields!(_PyDateTime_BaseDateTime {
            ob_base,
            hashcode,
            hastzinfo,
            data
        });
        fields!(PyDateTime_Date {
            ob_base,
            hashcode,
            hastzinfo,
            data
        });
        fields!(PyDateTime_Time {
            ob_base,
            hashcode,
            hastzinfo,
            data,
            fold,
            tzinfo
        });
        fields!(PyDateTime_DateTime {
            ob_base,
            hashcode,
            hastzinfo,
            data,
            fold,
            tzinfo
        });
        fields!(PyDateTime_Delta {
            ob_base,
            hashcode,
            days,
            seconds,
            microseconds
        });
        fields!(PyDateTime_CAPI {
            DateType,
            DateTimeType,
            TimeType,
            DeltaType,
            TZInfoType,
            TimeZone_UTC,
            Date_FromDate,
            DateTime_FromDateAndTime,
            Time_FromTime,
            Delta_FromDelta,
            TimeZone_FromTimeZone,
            DateTime_FromTimestamp,
            Date_FromTimestamp,
            DateTime_FromDateAndTimeAndFold,
            Time_FromTimeAndFold
        });
    }
    #[cfg(all(not(Py_3_10), not(Py_LIMITED_API)))]
    fields!(PyFutureFeatures {
        ff_features,
        ff_lineno
    });
    #[cfg(all(not(Py_3_11), not(Py_LIMITED_API)))]
    fields!(PyTryBlock {
        b_type,
        b_handler,
        b_level
    });
    #[cfg(all(Py_3_12, not(Py_LIMITED_API)))]
    fields!(PyInterpreterConfig {
        use_main_obmalloc,
        allow_fork,
        allow_exec,
        allow_threads,
        allow_daemon_threads,
        check_multi_interp_extensions,
        gil
    });
    #[cfg(all(Py_3_8, not(Py_LIMITED_API)))]
    {
        fields!(PyStatus {
            _type,
            func,
            err_msg,
            exitcode
        });
        fields!(PyWideStringList { length, items });
        fields!(PyPreConfig {
            _config_init,
            parse_argv,
            isolated,
            use_environment,
            configure_locale,
            coerce_c_locale,
            coerce_c_locale_warn,
            utf8_mode,
            dev_mode,
            allocator
        });
        fields!(PyConfig {
            _config_init,
            isolated,
            use_environment,
            dev_mode,
            install_signal_handlers,
            use_hash_seed,
            hash_seed,
            faulthandler,
            tracemalloc,
            import_time,
            show_ref_count,
            dump_refs,
            malloc_stats,
            filesystem_encoding,
            filesystem_errors,
            pycache_prefix,
            parse_argv,
            argv,
            program_name,
            xoptions,
            warnoptions,
            site_import,
            bytes_warning,
            inspect,
            interactive,
            optimization_level,
            parser_debug,
            write_bytecode,
            verbose,
            quiet,
            user_site_directory,
            configure_c_stdio,
            buffered_stdio,
            stdio_encoding,
            stdio_errors,
            check_hash_pycs_mode,
            pathconfig_warnings,
            pythonpath_env,
            home,
            module_search_paths_set,
            module_search_paths,
            executable,
            base_executable,
            prefix,
            base_prefix,
            exec_prefix,
            base_exec_prefix,
            skip_source_first_line,
            run_command,
            run_module,
            run_filename,
            _install_importlib,
            _init_main
        });
        #[cfg(all(Py_3_9, not(Py_3_10)))]
        {
            field!(PyConfig._use_peg_parser);
            field!(PyConfig._orig_argv);
        }
        #[cfg(Py_3_9)]
        field!(PyConfig.platlibdir);
        #[cfg(all(Py_3_9, not(Py_3_12)))]
        field!(PyConfig._isolated_interpreter);
        #[cfg(not(Py_3_9))]
        field!(PyConfig.show_alloc_count);
        #[cfg(Py_3_10)]
        {
            field!(PyConfig.orig_argv);
            field!(PyConfig.warn_default_encoding);
        }
        #[cfg(Py_3_11)]
        {
            field!(PyConfig.code_debug_ranges);
            field!(PyConfig.dump_refs_file);
            field!(PyConfig.use_frozen_modules);
            field!(PyConfig.safe_path);
            field!(PyConfig.stdlib_dir);
            field!(PyConfig._is_python_build);
        }
        #[cfg(Py_3_12)]
        {
            field!(PyConfig.perf_profiling);
            field!(PyConfig.int_max_str_digits);
        }
        #[cfg(Py_3_13)]
        {
            field!(PyConfig.cpu_count);
            field!(PyConfig.sys_path_0);
        }
        #[cfg(all(Py_3_13, Py_GIL_DISABLED))]
        field!(PyConfig.enable_gil);
    }
    v
}

fn c_probe(entries: &[Entry]) -> String {
    let mut c = String::from(
        "#define PY_SSIZE_T_CLEAN\n#include <Python.h>\n#include <structmember.h>\n\
         #include <datetime.h>\n\
         #if PY_VERSION_HEX < 0x030B0000 && !defined(Py_LIMITED_API)\n#include <frameobject.h>\n#include <longintrepr.h>\n#endif\n\
         #include <stddef.h>\n#include <stdio.h>\n\
         /* C names some structs only by tag; the table uses the Rust (typedef) names. */\n\
         typedef struct wrapperbase wrapperbase;\n\
         typedef struct _PyWeakReference _PyWeakReference;\n\
         typedef struct _inittab _inittab;\n\
         typedef struct _frozen _frozen;\n\
         #ifndef Py_LIMITED_API\ntypedef struct _longobject _longobject;\n#endif\n\
         int main(void) {\n",
    );
    for e in entries {
        let expr = match e.key.split_once('.') {
            Some((ty, f)) => format!("offsetof({ty}, {f})"),
            None => format!("sizeof({})", e.key),
        };
        c.push_str(&format!(
            "    printf(\"{}=%zu\\n\", (size_t){expr});\n",
            e.key
        ));
    }
    c.push_str("    return 0;\n}\n");
    c
}

/// The structs PyPy's cpyext lays out as CPython does (plus its own fields, declared under
/// `cfg(PyPy)`): the ones an extension module shares with the interpreter. The others are
/// absent from its headers or opaque there, and this crate does not read them on PyPy.
const PYPY_STRUCTS: &[&str] = &[
    "PyObject",
    "PyVarObject",
    "PyTypeObject",
    "PyMethodDef",
    "PyMemberDef",
    "PyGetSetDef",
    "PyModuleDef",
    "PyModuleDef_Base",
    "PyModuleDef_Slot",
    "PyType_Spec",
    "PyType_Slot",
    "PyNumberMethods",
    "PySequenceMethods",
    "PyMappingMethods",
    "PyAsyncMethods",
    "PyBufferProcs",
    "Py_buffer",
    "PyTupleObject",
    "PyStructSequence_Desc",
    "PyStructSequence_Field",
];

#[test]
fn struct_layouts_match_the_c_headers() {
    common::check_interpreter_matches();
    let include = common::python_eval("import sysconfig; print(sysconfig.get_paths()['include'])");
    let mut entries = table();
    if cfg!(PyPy) {
        entries.retain(|e| PYPY_STRUCTS.contains(&e.key.split('.').next().unwrap()));
    }
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "layout-probe-3.{}{}",
        common::python_minor(),
        if cfg!(Py_LIMITED_API) { "-abi3" } else { "" }
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let src = dir.join("layout_probe.c");
    let exe = dir.join("layout_probe");
    std::fs::write(&src, c_probe(&entries)).unwrap();

    let mut cc = Command::new(std::env::var("CC").unwrap_or_else(|_| "cc".to_owned()));
    cc.arg(format!("-I{include}")).arg("-o").arg(&exe).arg(&src);
    if cfg!(Py_LIMITED_API) {
        cc.arg(format!(
            "-DPy_LIMITED_API=0x030{:x}0000",
            common::cfg_minor()
        ));
    }
    if cfg!(Py_GIL_DISABLED) {
        cc.arg("-DPy_GIL_DISABLED=1");
    }
    if cfg!(PyPy) {
        // PyPy's headers define unused static functions that call into libpypy: optimise
        // them away rather than link the probe against it.
        cc.arg("-O1");
    }
    let out = cc.output().expect("cannot run the C compiler");
    assert!(
        out.status.success(),
        "the layout probe {} did not compile (a Rust field the C struct lacks?):\n{}",
        src.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let out = Command::new(&exe).output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();

    let mut mismatches = Vec::new();
    let mut lines = stdout.lines();
    for e in &entries {
        let line = lines.next().expect("probe printed too few lines");
        let (key, value) = line.split_once('=').unwrap();
        assert_eq!(key, e.key);
        let c: usize = value.parse().unwrap();
        if c != e.rust {
            let what = if key.contains('.') { "offset" } else { "size" };
            mismatches.push(format!("{key}: {what} is {c} in C but {} in Rust", e.rust));
        }
    }
    assert!(
        mismatches.is_empty(),
        "layout mismatches against {} ({} entries checked):\n{}",
        common::python(),
        entries.len(),
        mismatches.join("\n")
    );
    eprintln!(
        "{} sizes and offsets match {}",
        entries.len(),
        common::python()
    );
}

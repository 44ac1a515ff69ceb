/* bench_c: the benchmark module written by hand against the C API, the floor that
 * benches/module/bench.rs is measured against. Every function takes
 * METH_FASTCALL | METH_KEYWORDS and, like the Rust functions, accepts its parameters
 * positionally or by keyword, checks their types and converts them the same way.
 * The `Counter` and `Range` types are the class operations' floor. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

/* ---- argument parsing shared by every function ------------------------------------ */

/* Fills out[0..nparams] from positional and keyword arguments; unfilled slots stay NULL
 * (the caller applies defaults or reports them missing). Returns 0, or -1 with an
 * exception set. Keywords are matched by identity first (interned names), then by
 * equality, as CPython's own argument clinic does. */
static int
parse_args(const char *fname, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
           PyObject **names, Py_ssize_t nparams, Py_ssize_t nrequired, PyObject **out)
{
    Py_ssize_t i, j;
    if (nargs > nparams) {
        PyErr_Format(PyExc_TypeError, "%s() takes %zd positional arguments but %zd were given",
                     fname, nparams, nargs);
        return -1;
    }
    for (i = 0; i < nargs; i++)
        out[i] = args[i];
    for (i = nargs; i < nparams; i++)
        out[i] = NULL;
    if (kwnames != NULL) {
        Py_ssize_t nkw = PyTuple_GET_SIZE(kwnames);
        for (i = 0; i < nkw; i++) {
            PyObject *key = PyTuple_GET_ITEM(kwnames, i);
            Py_ssize_t found = -1;
            for (j = 0; j < nparams; j++) {
                if (key == names[j]) {
                    found = j;
                    break;
                }
            }
            if (found < 0) {
                for (j = 0; j < nparams; j++) {
                    int eq = PyUnicode_Compare(key, names[j]);
                    if (eq == -1 && PyErr_Occurred())
                        return -1;
                    if (eq == 0) {
                        found = j;
                        break;
                    }
                }
            }
            if (found < 0) {
                PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%U'",
                             fname, key);
                return -1;
            }
            if (out[found] != NULL) {
                PyErr_Format(PyExc_TypeError, "%s() got multiple values for argument '%U'",
                             fname, key);
                return -1;
            }
            out[found] = args[nargs + i];
        }
    }
    for (i = 0; i < nrequired; i++) {
        if (out[i] == NULL) {
            PyErr_Format(PyExc_TypeError, "%s() missing required argument '%U'", fname, names[i]);
            return -1;
        }
    }
    return 0;
}

static int
to_i64(PyObject *obj, long long *value)
{
    *value = PyLong_AsLongLong(obj);
    if (*value == -1 && PyErr_Occurred())
        return -1;
    return 0;
}

/* Interned parameter names, created once at import. */
static PyObject *name_a, *name_b, *name_c, *name_s, *name_v, *name_data, *name_start, *name_n;

/* ---- functions ------------------------------------------------------------------- */

static PyObject *
noargs(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    if (nargs != 0 || (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0)) {
        PyErr_SetString(PyExc_TypeError, "noargs() takes no arguments");
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
add(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *names[2] = {name_a, name_b};
    PyObject *vals[2];
    long long a, b;
    if (parse_args("add", args, nargs, kwnames, names, 2, 2, vals) < 0)
        return NULL;
    if (to_i64(vals[0], &a) < 0 || to_i64(vals[1], &b) < 0)
        return NULL;
    return PyLong_FromLongLong((long long)((unsigned long long)a + (unsigned long long)b));
}

static PyObject *
kwargs(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *names[3] = {name_a, name_b, name_c};
    PyObject *vals[3];
    long long a, b = 2, c = 3;
    if (parse_args("kwargs", args, nargs, kwnames, names, 3, 1, vals) < 0)
        return NULL;
    if (to_i64(vals[0], &a) < 0)
        return NULL;
    if (vals[1] != NULL && to_i64(vals[1], &b) < 0)
        return NULL;
    if (vals[2] != NULL && to_i64(vals[2], &c) < 0)
        return NULL;
    return PyLong_FromLongLong(
        (long long)((unsigned long long)a + (unsigned long long)b + (unsigned long long)c));
}

static PyObject *
str_len(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *names[1] = {name_s};
    PyObject *vals[1];
    Py_ssize_t size;
    if (parse_args("str_len", args, nargs, kwnames, names, 1, 1, vals) < 0)
        return NULL;
    if (!PyUnicode_Check(vals[0])) {
        PyErr_Format(PyExc_TypeError, "argument 's': '%s' object is not an instance of 'str'",
                     Py_TYPE(vals[0])->tp_name);
        return NULL;
    }
    if (PyUnicode_AsUTF8AndSize(vals[0], &size) == NULL)
        return NULL;
    return PyLong_FromSize_t((size_t)size);
}

static PyObject *
sum_list(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *names[1] = {name_v};
    PyObject *vals[1];
    PyObject *seq;
    Py_ssize_t n, i;
    long long *buf, total = 0;
    if (parse_args("sum_list", args, nargs, kwnames, names, 1, 1, vals) < 0)
        return NULL;
    if (PyUnicode_Check(vals[0])) {
        PyErr_SetString(PyExc_TypeError, "argument 'v': Can't extract `str` to `Vec`");
        return NULL;
    }
    seq = PySequence_Fast(vals[0], "argument 'v': expected a sequence");
    if (seq == NULL)
        return NULL;
    n = PySequence_Fast_GET_SIZE(seq);
    /* Convert into an owned array first (the Vec<i64>), then sum it. */
    buf = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(long long));
    if (buf == NULL) {
        Py_DECREF(seq);
        return PyErr_NoMemory();
    }
    for (i = 0; i < n; i++) {
        if (to_i64(PySequence_Fast_GET_ITEM(seq, i), &buf[i]) < 0) {
            PyMem_Free(buf);
            Py_DECREF(seq);
            return NULL;
        }
    }
    Py_DECREF(seq);
    for (i = 0; i < n; i++)
        total = (long long)((unsigned long long)total + (unsigned long long)buf[i]);
    PyMem_Free(buf);
    return PyLong_FromLongLong(total);
}

static PyObject *
make_dict(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *d;
    long long i;
    if (nargs != 0 || (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0)) {
        PyErr_SetString(PyExc_TypeError, "make_dict() takes no arguments");
        return NULL;
    }
    d = PyDict_New();
    if (d == NULL)
        return NULL;
    for (i = 0; i < 100; i++) {
        PyObject *k = PyLong_FromLongLong(i);
        PyObject *v = PyLong_FromLongLong(i * 2);
        int rc = (k != NULL && v != NULL) ? PyDict_SetItem(d, k, v) : -1;
        Py_XDECREF(k);
        Py_XDECREF(v);
        if (rc < 0) {
            Py_DECREF(d);
            return NULL;
        }
    }
    return d;
}

static PyObject *
raise_value_error(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    if (nargs != 0 || (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0)) {
        PyErr_SetString(PyExc_TypeError, "raise_value_error() takes no arguments");
        return NULL;
    }
    PyErr_SetString(PyExc_ValueError, "bad value");
    return NULL;
}

static PyObject *
bytes_roundtrip(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *names[1] = {name_data};
    PyObject *vals[1];
    if (parse_args("bytes_roundtrip", args, nargs, kwnames, names, 1, 1, vals) < 0)
        return NULL;
    if (!PyBytes_Check(vals[0])) {
        PyErr_Format(PyExc_TypeError,
                     "argument 'data': '%s' object is not an instance of 'bytes'",
                     Py_TYPE(vals[0])->tp_name);
        return NULL;
    }
    return PyBytes_FromStringAndSize(PyBytes_AS_STRING(vals[0]), PyBytes_GET_SIZE(vals[0]));
}

/* ---- Counter: Counter(start), .value, .incr(), len() ------------------------------- */

typedef struct {
    PyObject_HEAD
    long long value;
} CounterObject;

static PyObject *
Counter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"start", NULL};
    long long start;
    CounterObject *self;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "L:Counter", kwlist, &start))
        return NULL;
    self = (CounterObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->value = start;
    return (PyObject *)self;
}

static PyObject *
Counter_get_value(CounterObject *self, void *closure)
{
    return PyLong_FromLongLong(self->value);
}

static PyObject *
Counter_incr(CounterObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    if (nargs != 0 || (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0)) {
        PyErr_SetString(PyExc_TypeError, "incr() takes no arguments");
        return NULL;
    }
    self->value = (long long)((unsigned long long)self->value + 1);
    Py_RETURN_NONE;
}

static Py_ssize_t
Counter_len(CounterObject *self)
{
    return self->value > 0 ? (Py_ssize_t)self->value : 0;
}

static PyGetSetDef Counter_getset[] = {
    {"value", (getter)Counter_get_value, NULL, NULL, NULL},
    {NULL},
};

static PyMethodDef Counter_methods[] = {
    {"incr", (PyCFunction)(void (*)(void))Counter_incr, METH_FASTCALL | METH_KEYWORDS, NULL},
    {NULL},
};

static PySequenceMethods Counter_as_sequence = {
    .sq_length = (lenfunc)Counter_len,
};

static PyTypeObject CounterType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "bench_c.Counter",
    .tp_basicsize = sizeof(CounterObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = Counter_new,
    .tp_getset = Counter_getset,
    .tp_methods = Counter_methods,
    .tp_as_sequence = &Counter_as_sequence,
};

/* ---- Range: Range(n) iterates 0..n ------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    long long next;
    long long end;
} RangeObject;

static PyObject *
Range_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"n", NULL};
    long long n;
    RangeObject *self;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "L:Range", kwlist, &n))
        return NULL;
    self = (RangeObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->next = 0;
    self->end = n;
    return (PyObject *)self;
}

static PyObject *
Range_iternext(RangeObject *self)
{
    if (self->next >= self->end)
        return NULL; /* StopIteration, without an exception object */
    return PyLong_FromLongLong(self->next++);
}

static PyTypeObject RangeType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "bench_c.Range",
    .tp_basicsize = sizeof(RangeObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = Range_new,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)Range_iternext,
};

/* ---- module ---------------------------------------------------------------------- */

#define FASTCALL(name) \
    {#name, (PyCFunction)(void (*)(void))name, METH_FASTCALL | METH_KEYWORDS, NULL}

static PyMethodDef bench_methods[] = {
    FASTCALL(noargs),
    FASTCALL(add),
    FASTCALL(kwargs),
    FASTCALL(str_len),
    FASTCALL(sum_list),
    FASTCALL(make_dict),
    FASTCALL(raise_value_error),
    FASTCALL(bytes_roundtrip),
    {NULL},
};

static struct PyModuleDef bench_module = {
    PyModuleDef_HEAD_INIT, "bench_c", NULL, -1, bench_methods,
};

PyMODINIT_FUNC
PyInit_bench_c(void)
{
    PyObject *m;
    if (!(name_a = PyUnicode_InternFromString("a")) || !(name_b = PyUnicode_InternFromString("b")) ||
        !(name_c = PyUnicode_InternFromString("c")) || !(name_s = PyUnicode_InternFromString("s")) ||
        !(name_v = PyUnicode_InternFromString("v")) ||
        !(name_data = PyUnicode_InternFromString("data")) ||
        !(name_start = PyUnicode_InternFromString("start")) ||
        !(name_n = PyUnicode_InternFromString("n")))
        return NULL;
    if (PyType_Ready(&CounterType) < 0 || PyType_Ready(&RangeType) < 0)
        return NULL;
    m = PyModule_Create(&bench_module);
    if (m == NULL)
        return NULL;
    Py_INCREF(&CounterType);
    if (PyModule_AddObject(m, "Counter", (PyObject *)&CounterType) < 0) {
        Py_DECREF(&CounterType);
        Py_DECREF(m);
        return NULL;
    }
    Py_INCREF(&RangeType);
    if (PyModule_AddObject(m, "Range", (PyObject *)&RangeType) < 0) {
        Py_DECREF(&RangeType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

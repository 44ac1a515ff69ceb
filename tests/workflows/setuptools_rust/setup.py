"""The extension module, built by setuptools-rust (`python3 x.py workflows`)."""
from setuptools import setup
from setuptools_rust import Binding, RustExtension

setup(
    # No Python packages: without this, setuptools' discovery would take src/ (the Rust
    # sources) as the package folder and build_ext --inplace would put the module there.
    packages=[],
    py_modules=[],
    rust_extensions=[RustExtension("setuptools_rust_demo", binding=Binding.PyO3)],
    zip_safe=False,
)

"""async fn exposed to Python, awaited from asyncio: completion, exceptions in both
directions, cancellation, and Rust futures woken from a thread or by an asyncio future."""
import asyncio

import pytest

import pyo3_pytests as m


def test_runs_to_completion():
    assert asyncio.run(m.async_answer()) == 42
    assert asyncio.run(m.async_sleep(0.01, "slept")) == "slept"


def test_unit_result_is_the_empty_tuple():
    # PyO3 converts the `()` of an async fn like any other value.
    assert asyncio.run(m.async_nothing()) == ()


def test_concurrent_sleeps_finish_in_time_order():
    async def main():
        order = []

        async def record(seconds, name):
            order.append(await m.async_sleep(seconds, name))

        await asyncio.gather(record(0.05, "slow"), record(0.01, "fast"))
        return order

    assert asyncio.run(main()) == ["fast", "slow"]


def test_coroutine_object():
    coro = m.async_answer()
    assert type(coro).__name__ == "Coroutine"
    assert coro.__name__ == "async_answer"
    assert coro.__qualname__ == "async_answer"
    assert coro.__await__() is coro
    with pytest.raises(StopIteration) as info:
        coro.send(None)
    assert info.value.value == 42
    with pytest.raises(RuntimeError, match="^cannot reuse already awaited coroutine$"):
        coro.send(None)


def test_method_qualname():
    coro = m.AsyncAccount().total()
    assert coro.__name__ == "total"
    assert coro.__qualname__ == "AsyncAccount.total"
    coro.close()


def test_rust_error_reaches_python():
    with pytest.raises(ValueError, match="^bad amount$"):
        asyncio.run(m.async_fail("bad amount"))


def test_rust_panic_reaches_python():
    coro = m.async_panic()
    with pytest.raises(BaseException) as info:
        asyncio.run(coro)
    assert type(info.value).__name__ == "PanicException"
    assert str(info.value) == "panic in a future"


def test_thrown_exception_without_handle_is_raised_back():
    coro = m.async_sleep(10.0, None)
    with pytest.raises(KeyError, match="k"):
        coro.throw(KeyError("k"))
    with pytest.raises(RuntimeError, match="^cannot reuse already awaited coroutine$"):
        coro.send(None)


def test_cancelled_task_raises_cancelled_error():
    async def main():
        task = asyncio.ensure_future(m.async_sleep(10.0, None))
        await asyncio.sleep(0.01)
        task.cancel()
        await task

    with pytest.raises(asyncio.CancelledError):
        asyncio.run(main())


def test_cancellation_reaches_rust_through_the_handle():
    async def cancel_soon(coro):
        task = asyncio.ensure_future(coro)
        await asyncio.sleep(0.01)
        task.cancel()
        return await task

    assert asyncio.run(cancel_soon(m.async_cancellable(10.0))) == "cancelled by CancelledError"
    exception = asyncio.run(cancel_soon(m.async_until_cancelled()))
    assert isinstance(exception, asyncio.CancelledError)
    assert asyncio.run(m.async_cancellable(0.001)) == "slept"


def test_exception_thrown_into_handle():
    # Thrown directly: the Rust future receives it and finishes with a result.
    coro = m.async_cancellable(10.0)
    with pytest.raises(StopIteration) as info:
        coro.throw(KeyError("stop"))
    assert info.value.value == "cancelled by KeyError"


def test_rust_future_woken_by_asyncio_future():
    async def main():
        loop = asyncio.get_running_loop()
        event = m.AsyncEvent()
        trigger = loop.create_future()
        trigger.add_done_callback(lambda _: event.set())
        loop.call_later(0.01, trigger.set_result, None)
        return await event.wait(7)

    assert asyncio.run(main()) == 7


def test_receivers_stay_borrowed_while_the_coroutine_lives():
    account = m.AsyncAccount()
    first = account.total()
    with pytest.raises(RuntimeError, match="^Already borrowed$"):
        account.deposit(1)
    assert asyncio.run(first) == 0
    deposit = account.deposit(5)
    with pytest.raises(RuntimeError, match="^Already mutably borrowed$"):
        account.total()
    assert asyncio.run(deposit) == 5
    unused = account.deposit(1)
    unused.close()
    assert asyncio.run(account.total()) == 5

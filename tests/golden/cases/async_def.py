# async def: a FUNCTION whose span starts at `async`, prop is_async; async for / async
# with targets are binding sites.
import asyncio


async def tick(): return 1
#^ node: FUNCTION name=tick qualname=main.tick text=`async def tick(): return 1`
# ^ FUNCTION prop: is_async=true


def plain(): return 2
# ^ FUNCTION prop: is_async=false


async def consume(source, lock):
    async for chunk in source:
        #     ^ node: VARIABLE name=chunk qualname=main.consume.<locals>.chunk
        print(chunk)
        #     ^ refers_to: chunk@16
    async with lock as held:
        await asyncio.sleep(0)
        return held
        #      ^ refers_to: held@20
# ^ FUNCTION prop: is_async=true

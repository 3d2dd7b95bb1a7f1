-- Probes whose output tells luajit builds apart (Debian's luajit vs OpenResty's luajit2...):
-- test/lua/luajit-fingerprint.txt holds what the luajit the recordings came from printed.
print(jit and jit.version, jit and jit.version_num)
print(bit.tohex(1, 255), bit.tohex(-1, -255), bit.tohex(0x12345678, 9))
print(-0, 0 / -1, -(0), string.format("%g", -0), tostring(-0.0))
print(0 / 0, math.huge, -math.huge, tostring(2 ^ 63), 1e15, 2 ^ 53)
print(type(table.pack), type(table.unpack), type(table.move), type(string.buffer), type(package.searchers))
print((pcall(require, "table.isempty")), package.preload["string.buffer"] ~= nil, package.preload["table.new"] ~= nil)
print(select("#", ("x"):rep(2, ",")), ("x"):rep(2, ","))
print(string.format("%q", "a\0b\r\n\127\200"), ("%5.2s|"):format("abc"))
math.randomseed(42)
print(math.random(1000), math.random(1000), math.random())
print(tonumber("0x1p4"), tonumber("1e"), tonumber("0b11"), tonumber(" 10 ", 16), tonumber("1e1", 16))

-- the JIT compiler of luajit 2.1.0-beta3 miscompiles some s:sub(-1, j) calls in hot loops;
-- turn it off so the recorded output is the interpreter's (correct) result
if jit and jit.off then jit.off() end
local s = "abcde"
for i = -7, 7 do
  local row = {}
  for j = -7, 7 do row[#row + 1] = string.format("%-5s", s:sub(i, j)) end
  print(string.format("%3d", i), table.concat(row, "|"))
end
print(s:sub(2), s:sub(-2), s:sub(0), s:sub(6), s:sub(-6))
print(s:sub(-100), s:sub(2, 100), s:sub(-100, 2), s:sub(100, -100))
print(s:sub(2.9, 3.1), s:sub("2", "3"))
local bytes = {s:byte(-10, 10)}
print(#bytes, table.concat(bytes, ","))

-- string.format with formats used many times (compiled ones) and text around each conversion:
-- ties, -0, inf/nan, huge and tiny values, widths and flags, %g's switch to an exponent,
-- %x of negatives and large numbers, bytes >= 128 and \0, errors after many good calls.
local values = { 0, -0, 1, -1, 0.5, -0.5, 1.5, 2.5, 0.125, 0.375, 2.675, 1.005, 9.995, 99.5, 999999.5,
  9.9999995, 99999.95, 0.05, 0.95, 1/3, 2/3, 1e-5, 0.0001234, 123.456, -123.456, 12345678.9, 1e14, 1e15,
  1e16, 1e21, 1e22, 1e100, -1e300, 5e-324, 0.001, 0.00099999999999999, 1e-15, 1.5e-10, 9.9999995e-5,
  0.000123456789, -0.0625, 0.00015, 1e-16, 2^31, -2^31, 2^32, 2^53, -2^53, 2^63, 2^64, 4294967295,
  1/0, -1/0, 0/0, 17, 255, 65 }
local formats = {
  "[%d|%5d|%-6d|%05d|%+d|% d]", "<%x|%X|%#x|%08x|%o|%u>", "(%f|%.0f|%#.0f|%.2f|%08.3f|%-10.3f|%+.1f)",
  "{%e|%.0e|%#.0e|%.3e|%15.4e|%-12.2E|%+e}", "/%g|%.1g|%.3g|%#g|%#.3g|%.14g|%10g|%-10g|%+G/",
  "%.15g;%.16g;%.17g", "x%5.1fy%.2fz", "%s=%s", "%5s|%-5s|%.2s",
}
for _, fmt in ipairs(formats) do
  local acc = 0
  for round = 1, 3 do
    for i, v in ipairs(values) do
      local nconv = select(2, fmt:gsub("%%[^%%]", ""))
      local args = {}
      for k = 1, nconv do args[k] = v end
      local ok, s = pcall(string.format, fmt, unpack(args, 1, nconv))
      if round == 3 then print(i, ok, s) end
      acc = acc + #tostring(s)
    end
  end
  print(fmt, acc)
end
-- a loop like a program's: many lines, the text kept
local lines = {}
for i = 1, 300 do
  local x = i * 1.37 - 100
  lines[i] = string.format("%d|%5d|%-6d|%x|%08.3f|%.2f|%g|%e|%s", i, i % 1000, -i, i, x, x / 7, x * 1e-3, x * 1e5, i % 8 + 0.5)
end
print(lines[1]); print(lines[73]); print(lines[150]); print(lines[300])
-- bytes >= 128 and \0 in the format and the arguments
for i = 1, 20 do
  local s = string.format("\0\255%s\128%d\0", "a\0b\200", i)
  if i == 20 then print(#s, s:byte(1, -1)) end
end
-- %s calls __tostring, which formats too; then one that raises
local obj = setmetatable({}, { __tostring = function() return string.format("<%d:%.1f>", 7, 2.25) end })
local bad = setmetatable({}, { __tostring = function() error("boom", 0) end })
for i = 1, 10 do
  local s = string.format("a%db%sc%5.2fd", i, obj, i / 4)
  if i > 7 then print(s) end
end
print(pcall(string.format, "a%db%sc%5.2fd", 1, bad, 2))
print(string.format("a%db%sc%5.2fd", 3, "x", 4.75))
-- errors of a compiled format, in order
for i = 1, 10 do string.format("%d:%s:%5.1f", i, "a", i) end
print(pcall(string.format, "%d:%s:%5.1f", 1, "a"))
print(pcall(string.format, "%d:%s:%5.1f", "x", "a"))
print(pcall(string.format, "%d:%s:%5.1f", 1, "a", "y"))
print(pcall(string.format, "%d:%s:%5.1f", 1, nil, "2"))
print(pcall(string.format, "%d:%s:%5.1f", 1.5, true, 2))

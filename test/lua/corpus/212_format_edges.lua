-- string.format flags, widths and precisions, and tostring of floats, each format used
-- many times (roverc parses a format once and keeps it).
local values = { 0, -0.0, 1, -1, 7, 0.5, 1.5, 2.5, 0.125, 2.675, 1.005, 0.1, 1/3, 2/3, 100.25,
  1e-4, 1e-5, 0.00012345, 123456789, 1234567.891, 1e14, 1e15, 1e15 + 0.5, 2^53, 1e20, 1e21, 1e22,
  1e100, -1e-300, 5e-324, 1.7976931348623157e308, 3.14159265358979, 99999.95, 999999.5,
  9.9999996, 0/0, 1/0, -1/0, -123.456, 255, -255, 4294967296, -2^63, 2^64 }
local formats = {
  "%d", "%5d", "%-6d|", "%05d", "%+d", "% d", "%.3d", "%x", "%X", "%#x", "%o", "%#o", "%u",
  "%f", "%.0f", "%#.0f", "%.2f", "%5.2f", "%-8.3f|", "%08.3f", "%+.1f", "% .3f", "%.9f", "%.10f", "%.20f",
  "%g", "%.3g", "%.14g", "%.15g", "%.17g", "%#g", "%#.3g", "%G", "%10.4g|", "%-10g|", "%.0g", "%.1g",
  "%e", "%.0e", "%#.0e", "%E", "%.3e", "%12.4e|", "%a", "%c", "%5.1f", "%i",
}
for _, f in ipairs(formats) do
  local line = {}
  for _, v in ipairs(values) do
    local r
    for _ = 1, 3 do
      local ok, s = pcall(string.format, f, v)
      r = ok and s or ("ERR " .. s)
    end
    line[#line + 1] = r
  end
  print(f, table.concat(line, " "))
end

local t = {}
for _, v in ipairs(values) do t[#t + 1] = tostring(v) .. "/" .. tostring(-v) .. "/" .. tostring(v * 1.1) end
print(table.concat(t, " "))
for i = 1, 30 do io.write(tostring(i / 7), " ", tostring(i * 0.1), " ", tostring(1e-3 * i), " ") end
print()

-- strings, %q, %s widths and precisions
local strs = { "", "abc", "a\0b", "line\nbreak", "quote\"back\\slash", "\1\0012\r\t\127\200", "123456789" }
for _, f in ipairs({ "%s", "%5s|", "%-5s|", "%.2s|", "%8.3s|", "%q" }) do
  local line = {}
  for _, s in ipairs(strs) do line[#line + 1] = string.format(f, s) end
  print(f, (table.concat(line, " "):gsub("[%z\1-\31\127-\255]", function(c) return "\\" .. c:byte() end)))
end
print(string.format("%s %s %s", 1, 1.5, true), string.format("%5s|%-5s|", 12, 2.5))
print(string.format("%%d %% %5.1f%%", 99.44))
print(string.format("no conversions"), string.format(""))
print(string.format("%s", setmetatable({}, { __tostring = function() return "OBJ" end })))

-- errors: after valid conversions, and the same format again
for _ = 1, 3 do
  print(pcall(string.format, "%d %y", 1, 2))
  print(pcall(string.format, "%d %d", 1))
  print(pcall(string.format, "%d %y", "x"))
  print(pcall(string.format, "%5", 1))
  print(pcall(string.format, "%123d", 1))
  print(pcall(string.format, "%.123f", 1))
  print(pcall(string.format, "%d", "12"), pcall(string.format, "%d", "1e3"), pcall(string.format, "%d", "x"))
  print(pcall(string.format, "%c%c%c", 72, 105, 256 + 33))
end

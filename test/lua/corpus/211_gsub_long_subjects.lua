-- gsub over long subjects (roverc builds those results in a byte buffer): every kind of
-- replacement, captures and positions, limits, anchors, bytes 0 and 128-255.
local parts = {}
for i = 1, 300 do
  parts[#parts + 1] = string.format("w%d=%d;", i, i * 7 % 100)
  if i % 17 == 0 then parts[#parts + 1] = "\0\200\255 " end
  if i % 23 == 0 then parts[#parts + 1] = "(nest(ed) x) " end
end
local s = table.concat(parts, " ")
print(#s)

local function sum(str)
  local h = 0
  for i = 1, #str do h = (h * 31 + str:byte(i)) % 1000000007 end
  return h
end
local function show(label, r, n)
  print(label, #r, n, sum(r), r:sub(1, 60):gsub("[%z\128-\255]", "?"))
end

show("swap", s:gsub("(w)(%d+)", "%2%1"))
show("whole", s:gsub("%d+", "<%0>"))
show("pct", s:gsub(";", "%%"))
show("pos", s:gsub("()=", "%1"))
show("plain", s:gsub("=", " is "))
show("number repl", s:gsub("w", 7))
show("fn", s:gsub("(%a)(%d+)", function(a, d) if #d == 2 then return d end end))
show("fn false", s:gsub("%d", function() return false end))
show("fn number", s:gsub("%d+", function(d) return tonumber(d) / 4 end))
show("table", s:gsub("%a%d", { w1 = "ONE", w2 = 2.5 }))
show("max", s:gsub("w", "W", 10))
show("max0", s:gsub("w", "W", 0))
show("anchor", s:gsub("^w%d", "START"))
show("anchor miss", s:gsub("^x", "START"))
show("none", s:gsub("QQQ", "x"))
show("empty", s:gsub("", "."))
show("empty star", s:gsub("x*", "-"))
show("balance", s:gsub("%b()", "[]"))
show("frontier", s:gsub("%f[%d]%d", "#"))
show("bytes", s:gsub("[\128-\255]", "%%"))
show("nul", s:gsub("%z", "0"))
show("backref", s:gsub("(%d)%1", "<%1%1>"))
show("end", s:gsub("; $", "!"))
local function try(label, ...)
  local ok, r, n = pcall(string.gsub, ...)
  if ok then show(label, r, n) else print(label, r) end
end
try("bad index", s, "(w)", "%2")
try("trailing %", s, "w", "%")
try("unfinished", s, "(w", "x")
try("unfinished read", s, "(w", "%1")
try("bad value", s, "w", function() return {} end)

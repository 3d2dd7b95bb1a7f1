-- Patterns used often and on long subjects (the library compiles those): gmatch, match,
-- find and gsub must give what they give on first use and on short subjects.
local words = { "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta" }
local lines = {}
for i = 1, 400 do
  lines[i] = string.format("%s=%d; %s %s, id:%05d  tag<%s> (x%d)", words[i % 8 + 1], i * 7 % 1000,
    words[(i * 3) % 8 + 1], words[(i * 5) % 8 + 1], i, words[(i * 7) % 8 + 1]:upper(), i % 3)
end
local text = table.concat(lines, "\n")
print(#text)

-- gmatch: no capture, one, two, a position capture, an empty match
local function digest(it)
  local n, h = 0, 0
  for a, b in it do
    n = n + 1
    local s = tostring(a) .. "|" .. tostring(b)
    for k = 1, #s do h = (h * 31 + s:byte(k)) % 1000000007 end
  end
  return n, h
end
print(digest(text:gmatch("%a+")))
print(digest(text:gmatch("(%a+)=(%d+)")))
print(digest(text:gmatch("<(%u+)>")))
print(digest(text:gmatch("()id:")))
print(digest(text:gmatch("x*")))
print(digest(text:gmatch("%d%d%d%d%d")))
print(digest(text:gmatch("(%a+)%s(%a+)")))
print(digest(text:gmatch("[%a_]+%s*,")))
print(digest(text:gmatch("%f[%a]%a%a%a%f[%A]")))
print(digest(text:gmatch("^alpha")))
print(digest(text:gmatch("(%a)%1")))
print(digest(text:gmatch("%b()")))

-- match and find, many times (compiled after a few uses)
local s1, s2, s3 = 0, 0, 0
for i, line in ipairs(lines) do
  local id = line:match("id:(%d+)")
  local w, n = line:match("^(%a+)=(%d+)")
  local p = line:match("()tag")
  local e = line:match("%(x(%d)%)$")
  local a, b, c = line:find("(%u+)>")
  s1 = s1 + tonumber(id) + #w + tonumber(n) + p + tonumber(e)
  s2 = s2 + a + b + #c
  if line:find("gamma", 1, true) then s3 = s3 + i end
  if line:match("zeta") then s3 = s3 + 1 end
  if line:find("eta", 10) then s3 = s3 + 2 end
end
print(s1, s2, s3)
print(("   padded   "):match("^%s*(.-)%s*$"))

-- gsub on a long subject with replacement strings, functions and tables
local function show(s, n) print(#s, n, s:sub(1, 60), s:sub(-40)) end
show(text:gsub("(%a+)%s(%a+)", "%2 %1"))
show(text:gsub("%a+", "<%0>"))
show(text:gsub("(%d)(%d)", "%2%1", 500))
show(text:gsub("id:", "%%"))
show(text:gsub("(e)()", "%2%1"))
show(text:gsub("tag", "%1"))
show(text:gsub("=", "%"))
show(text:gsub("%l+", function(w) return #w > 4 and w:upper() or nil end))
show(text:gsub("(%a+)=(%d+)", function(k, v) return v .. "=" .. k end))
show(text:gsub("%u+", { ALPHA = "a", BETA = 2, GAMMA = false }))
show(text:gsub("^%a+", "START"))
show(text:gsub("", "-", 5))
show(text:gsub("x*", "."))
print(pcall(string.gsub, text, "(%a+)", "%2"))
print(pcall(string.gsub, text, "%a+", function() return {} end))

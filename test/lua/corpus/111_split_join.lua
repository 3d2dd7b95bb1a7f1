local function split(s, sep, plain)
  local out = {}
  if sep == "" then
    for c in s:gmatch(".") do out[#out + 1] = c end
    return out
  end
  local start = 1
  while true do
    local i, j = s:find(sep, start, plain)
    if not i then out[#out + 1] = s:sub(start) break end
    out[#out + 1] = s:sub(start, i - 1)
    start = j + 1
  end
  return out
end
local function show(t) return "[" .. table.concat(t, "|") .. "] n=" .. #t end
print(show(split("a,b,c", ",", true)))
print(show(split("a,,b,", ",", true)))
print(show(split("", ",", true)))
print(show(split("abc", "", true)))
print(show(split("a.b.c", ".", true)))
print(show(split("a1b22c333d", "%d+")))
print(show(split("one  two   three", "%s+")))
print(show(split("key=value=more", "=", true)))
print(show(split("no separators here", ";", true)))
local function trim(s) return s:match("^%s*(.-)%s*$") end
print("[" .. trim("  both  ") .. "]", "[" .. trim("") .. "]", "[" .. trim("   ") .. "]", "[" .. trim("x") .. "]")
local function startswith(s, p) return s:sub(1, #p) == p end
local function endswith(s, p) return p == "" or s:sub(-#p) == p end
print(startswith("hello", "he"), startswith("hello", "lo"), endswith("hello", "lo"), endswith("hello", ""), endswith("lo", "hello"))
local function escape_pattern(s) return (s:gsub("[%^%$%(%)%%%.%[%]%*%+%-%?]", "%%%0")) end
print(escape_pattern("1+1=2? (yes) 100% [a-z]^$"))
print(("price: $5.00 (approx)"):gsub(escape_pattern("$5.00"), "five dollars"))
local function join(t, sep) return table.concat(t, sep) end
print(join(split("x-y-z", "-", true), "+"))
local function lines(s) local t = {} for l in (s .. "\n"):gmatch("(.-)\r?\n") do t[#t + 1] = l end return t end
print(show(lines("a\nb\r\nc")), show(lines("")), show(lines("\n")))
local function title(s) return (s:gsub("(%a)([%w_']*)", function(f, r) return f:upper() .. r:lower() end)) end
print(title("hello WORLD, it's a fine_day"))

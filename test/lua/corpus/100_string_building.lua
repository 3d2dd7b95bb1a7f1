local buf = {}
for i = 1, 10 do buf[#buf + 1] = string.format("%02d", i) end
print(table.concat(buf, ":"))
local s = ""
for i = 1, 5 do s = s .. i .. "," end
print(s, #s)
local lines = {}
local function emit(fmt, ...) lines[#lines + 1] = string.format(fmt, ...) end
emit("%-10s|%5s|%8s", "name", "qty", "price")
emit("%s", string.rep("-", 25))
for _, item in ipairs({{"apple", 3, 0.5}, {"banana", 12, 0.25}, {"cherry", 100, 10}}) do
  emit("%-10s|%5d|%8.2f", item[1], item[2], item[3])
end
print(table.concat(lines, "\n"))
local big = {}
for i = 1, 1000 do big[i] = "x" end
local joined = table.concat(big)
print(#joined, joined:sub(1, 5))
local function indent(text, n)
  local pad = string.rep(" ", n)
  return (text:gsub("([^\n]+)", pad .. "%1"))
end
print(indent("a\nb\n\nc", 2))
local function wrap(text, width)
  local out, line = {}, ""
  for word in text:gmatch("%S+") do
    if #line + #word + 1 > width and #line > 0 then out[#out + 1] = line line = word
    else line = (#line > 0) and (line .. " " .. word) or word end
  end
  if #line > 0 then out[#out + 1] = line end
  return out
end
for i, l in ipairs(wrap("the quick brown fox jumps over the lazy dog and keeps running far away", 16)) do print(i, "[" .. l .. "]") end
local rev = {}
for w in ("one two three"):gmatch("%a+") do table.insert(rev, 1, w) end
print(table.concat(rev, " "))
local csv = {}
for r = 1, 3 do
  local row = {}
  for c = 1, 4 do row[c] = r * c end
  csv[r] = table.concat(row, ",")
end
print(table.concat(csv, ";"))
print(("abc"):rep(3, "-"):upper():gsub("-", "+"))
local n = 0
local long = string.rep("ab", 50000)
for _ in long:gmatch("ab") do n = n + 1 end
print(n, #long)

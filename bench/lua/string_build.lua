-- String building: concatenation with '..' in loops and table.concat of parts.
local n = tonumber(arg and arg[1]) or 200000
local total = 0
for round = 1, 3 do
  local s = ""
  for i = 1, math.floor(n / 20) do s = s .. i .. "," end
  total = total + #s
  local parts = {}
  for i = 1, n do parts[#parts + 1] = "item" .. i .. ":" .. (i * round) % 97 end
  local joined = table.concat(parts, ";")
  total = total + #joined + joined:byte(math.floor(#joined / 2) + 1)
  local line = {}
  for i = 1, n do
    line[#line + 1] = i % 10
    if #line == 50 then total = total + #table.concat(line) + tonumber(table.concat(line, "", 1, 9)); line = {} end
  end
end
print("checksum", total)

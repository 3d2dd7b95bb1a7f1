local function parse_line(line)
  local fields, pos = {}, 1
  while true do
    if line:sub(pos, pos) == '"' then
      local buf, i = {}, pos + 1
      while true do
        local c = line:sub(i, i)
        if c == "" then error("unterminated quote", 0) end
        if c == '"' then
          if line:sub(i + 1, i + 1) == '"' then buf[#buf + 1] = '"' i = i + 2
          else i = i + 1 break end
        else buf[#buf + 1] = c i = i + 1 end
      end
      fields[#fields + 1] = table.concat(buf)
      pos = i
      if line:sub(pos, pos) == "," then pos = pos + 1 else break end
    else
      local e = line:find(",", pos, true)
      if e then fields[#fields + 1] = line:sub(pos, e - 1) pos = e + 1
      else fields[#fields + 1] = line:sub(pos) break end
    end
  end
  return fields
end
local data = [[
name,age,city
"Smith, John",42,"New York"
Jane,,Boston
"Quote ""Q"" Man",7,
,,
single]]
local rows = {}
for line in data:gmatch("[^\n]+") do rows[#rows + 1] = parse_line(line) end
for i, r in ipairs(rows) do
  local shown = {}
  for j, f in ipairs(r) do shown[j] = "<" .. f .. ">" end
  print(i, #r, table.concat(shown, " "))
end
print(pcall(parse_line, '"open,field'))
local header = rows[1]
local records = {}
for i = 2, 4 do
  local rec = {}
  for j, h in ipairs(header) do rec[h] = rows[i][j] end
  records[#records + 1] = rec
end
table.sort(records, function(a, b) return a.name < b.name end)
for _, r in ipairs(records) do print(r.name, tonumber(r.age) or "?", r.city == "" and "(none)" or r.city) end
local function to_csv(fields)
  local out = {}
  for i, f in ipairs(fields) do
    f = tostring(f)
    if f:find('[,"\n]') then f = '"' .. f:gsub('"', '""') .. '"' end
    out[i] = f
  end
  return table.concat(out, ",")
end
print(to_csv({"plain", "with,comma", 'with "quote"', 12, "multi\nline"}))
print(to_csv(parse_line(to_csv({"a,b", '"', ""}))))

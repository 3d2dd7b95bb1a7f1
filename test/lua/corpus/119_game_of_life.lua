local function parse(rows)
  local g = {}
  for r, line in ipairs(rows) do
    g[r] = {}
    for c = 1, #line do g[r][c] = line:sub(c, c) == "#" end
  end
  return g
end
local function step(g)
  local H, W = #g, #g[1]
  local n = {}
  for r = 1, H do
    n[r] = {}
    for c = 1, W do
      local count = 0
      for dr = -1, 1 do for dc = -1, 1 do
        if not (dr == 0 and dc == 0) then
          local rr, cc = (r + dr - 1) % H + 1, (c + dc - 1) % W + 1
          if g[rr][cc] then count = count + 1 end
        end
      end end
      n[r][c] = count == 3 or (g[r][c] and count == 2)
    end
  end
  return n
end
local function show(g)
  for _, row in ipairs(g) do
    local s = {}
    for c, v in ipairs(row) do s[c] = v and "#" or "." end
    print(table.concat(s))
  end
end
local g = parse({
  "..........",
  "...#......",
  "....#.....",
  "..###.....",
  "..........",
  "..........",
  "......###.",
  "..........",
})
for gen = 0, 4 do
  print("gen " .. gen)
  show(g)
  g = step(g)
end
local alive = 0
for _ = 1, 20 do g = step(g) end
for _, row in ipairs(g) do for _, v in ipairs(row) do if v then alive = alive + 1 end end end
print("alive after 25", alive)

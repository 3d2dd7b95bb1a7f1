local function queens(n)
  local cols, d1, d2 = {}, {}, {}
  local placement = {}
  local solutions, first = 0, nil
  local function place(r)
    if r > n then
      solutions = solutions + 1
      if not first then first = {unpack(placement)} end
      return
    end
    for c = 1, n do
      if not cols[c] and not d1[r + c] and not d2[r - c + n] then
        cols[c], d1[r + c], d2[r - c + n] = true, true, true
        placement[r] = c
        place(r + 1)
        cols[c], d1[r + c], d2[r - c + n] = nil, nil, nil
      end
    end
  end
  place(1)
  return solutions, first
end
for n = 1, 8 do
  local count, first = queens(n)
  print(n, count, first and table.concat(first, ",") or "-")
end
local _, sol = queens(6)
for r = 1, 6 do
  local row = {}
  for c = 1, 6 do row[c] = sol[r] == c and "Q" or "." end
  print(table.concat(row, " "))
end

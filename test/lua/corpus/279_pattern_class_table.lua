-- Every escape %X against every byte: which bytes each class matches. A literal escape
-- matches only itself; the letters a c d g l p s u w x z (and their upper-case complements)
-- name classes. Left out: %0 (a pattern ends at a zero byte in luajit), %0-%9 (captures),
-- %b and %f (they take arguments).
local total, sum = 0, 0
for cl = 1, 255 do
  if not (cl >= 48 and cl <= 57) and cl ~= 98 and cl ~= 102 then
    local pat = "%" .. string.char(cl)
    local count, h = 0, 0
    for c = 0, 255 do
      if string.find(string.char(c), pat) then
        count = count + 1
        h = (h * 31 + c) % 1000000007
      end
    end
    total = total + count
    sum = (sum * 7 + h) % 1000000007
    if count ~= 1 then print(string.format("%%%s %d %d", string.char(cl), count, h)) end
  end
end
print("total", total, sum)

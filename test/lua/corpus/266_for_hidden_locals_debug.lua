-- A generic for's hidden variables as the debug library sees them (with the debug library in
-- use, compiled loops keep them as variables and step by calling the iterator).
local function hidden()
  for i, v in ipairs({ "q" }) do
    local names = {}
    local idx = 1
    while true do
      local name, value = debug.getlocal(1, idx)
      if not name then break end
      names[#names + 1] = name .. ":" .. type(value)
      idx = idx + 1
    end
    print(table.concat(names, " "))
  end
end
hidden()
local function pairsHidden()
  for k, v in pairs({ key = 1 }) do
    local name1, value1 = debug.getlocal(1, 1)
    -- (luajit's pairs control is an internal index: only its name is printed)
    local name3 = debug.getlocal(1, 3)
    print(name1, type(value1), name3, k, v)
  end
end
pairsHidden()

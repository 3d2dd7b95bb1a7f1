local t = {}
for i = 1, 3 do t[i] = i * i end
print(table.concat(t, ","))
print("throwing a table")
error({code = 42})

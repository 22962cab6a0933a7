module example.com/tinyserver

go 1.27

INSERT INTO site_selection VALUES (?, ?)

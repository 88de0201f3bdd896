INSERT INTO site_wanted VALUES (?)

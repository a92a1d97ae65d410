import os, requests
from dotenv import load_dotenv
load_dotenv()
key = os.environ['ACME_KEY']
requests.post('https://api.acme.example.com/v1/jobs', headers={'Authorization': f'Bearer {key}'})

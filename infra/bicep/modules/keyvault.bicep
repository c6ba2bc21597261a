@description('Key Vault name: 3 to 24 letters, digits and hyphens.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region for the vault.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('SendGrid API key stored as a secret; the app reads it through a Key Vault reference.')
@secure()
param sendGridApiKey string

@description('Secret that signs the links in emails; rotating it voids every link not yet used.')
@secure()
param linkSecret string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource sendGridSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'SendGridApiKey'
  properties: {
    value: sendGridApiKey
    contentType: 'text/plain'
  }
}

resource linkSecretEntry 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'WorkflowsLinkSecret'
  properties: {
    value: linkSecret
    contentType: 'text/plain'
  }
}

@description('Vault name, for role assignments.')
output name string = vault.name

@description('Versionless URI of the SendGrid secret, for a Key Vault reference in app settings.')
output sendGridSecretUri string = sendGridSecret.properties.secretUri

@description('Versionless URI of the link-signing secret, for a Key Vault reference in app settings.')
output linkSecretUri string = linkSecretEntry.properties.secretUri

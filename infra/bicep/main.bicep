targetScope = 'resourceGroup'

metadata description = 'Kompetansenettverk workflows on Azure: Flex Consumption Linux Function App (custom handler) with a user-assigned identity, Storage without shared keys, Key Vault and Application Insights.'

@description('Short name of the environment, used in every resource name (lowercase letters and digits).')
@minLength(2)
@maxLength(10)
param environmentName string

@description('Azure region; defaults to the resource group\'s region.')
param location string = resourceGroup().location

@description('Task hub name: the engine\'s tables, queues and payload container are named after it.')
param taskHub string = 'workflows'

@description('SendGrid API key, stored in Key Vault and never in app settings.')
@secure()
param sendGridApiKey string

@description('Secret that signs the links in emails (at least 32 random characters), stored in Key Vault.')
@secure()
@minLength(32)
param linkSecret string

@description('Address people reach the app at (a custom domain); the Function App\'s own host name when empty.')
param publicBaseUrl string = ''

@description('Sender address of outgoing email; must be a verified sender in SendGrid.')
param emailFrom string

@description('Days a signed function description stays immutable after it is archived.')
@minValue(1)
param signedDocumentRetentionDays int = 3650

@description('The most instances the Function App may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per Function App instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Tags applied to every resource.')
param tags object = {
  workload: 'kompetansenettverk-workflows'
  environment: environmentName
}

var suffix = uniqueString(resourceGroup().id, environmentName)
var baseName = 'kn-${environmentName}'
var names = {
  identity: '${baseName}-identity'
  storage: take('kn${environmentName}${suffix}', 24)
  vault: take('kn-${environmentName}-${suffix}', 24)
  functionApp: '${baseName}-${suffix}'
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: baseName
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tags: tags
    taskHub: taskHub
    signedDocumentRetentionDays: signedDocumentRetentionDays
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: names.vault
    location: location
    tags: tags
    sendGridApiKey: sendGridApiKey
    linkSecret: linkSecret
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    identityName: names.identity
    storageAccountName: names.storage
    keyVaultName: names.vault
    appInsightsName: '${baseName}-insights'
  }
  dependsOn: [
    identity
    storage
    vault
    monitoring
  ]
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    name: names.functionApp
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    deploymentContainer: storage.outputs.deploymentContainer
    wakeUpQueueName: storage.outputs.wakeUpQueueName
    taskHub: taskHub
    appInsightsConnectionString: monitoring.outputs.connectionString
    sendGridSecretUri: vault.outputs.sendGridSecretUri
    linkSecretUri: vault.outputs.linkSecretUri
    registryTable: storage.outputs.registryTable
    publicBaseUrl: publicBaseUrl
    emailFrom: emailFrom
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
}

@description('Function App name, for `func azure functionapp publish` or zip deploy.')
output functionAppName string = functionApp.outputs.name

@description('Base URL of the operator API.')
output apiBaseUrl string = 'https://${functionApp.outputs.defaultHostName}'

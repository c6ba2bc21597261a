@description('Function app name (also the default host name prefix).')
param name string

@description('Azure region for the plan and app.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity.')
param identityClientId string

@description('Storage account for AzureWebJobsStorage and the engine.')
param storageAccountName string

@description('Blob endpoint of that account.')
param blobEndpoint string

@description('Container holding deployment packages.')
param deploymentContainer string

@description('The queue of due-timer notices, watched by the EngineWakeUp queue trigger.')
param wakeUpQueueName string

@description('Task hub name.')
param taskHub string

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('Versionless Key Vault URI of the SendGrid API key secret.')
param sendGridSecretUri string

@description('Versionless Key Vault URI of the secret that signs the links in emails (signing, nomination).')
param linkSecretUri string

@description('Name of the table holding the network registry.')
param registryTable string

@description('Address people reach the app at, for links in emails; the default host name when empty.')
param publicBaseUrl string

@description('Sender address of outgoing email (a SendGrid verified sender).')
param emailFrom string

@description('The most instances Flex Consumption may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

// Flex Consumption apps answer at <name>.azurewebsites.net unless a custom domain is given.
var baseUrl = empty(publicBaseUrl) ? 'https://${name}.azurewebsites.net/' : publicBaseUrl

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainer}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'custom'
        version: '1.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        { name: 'AzureWebJobsStorage__accountName', value: storageAccountName }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
        { name: 'DurableWakeUpQueue', value: wakeUpQueueName }
        { name: 'Host__TaskHub', value: taskHub }
        { name: 'Durable__Store', value: 'AzureStorage' }
        { name: 'Durable__AccountName', value: storageAccountName }
        { name: 'Durable__ClientId', value: identityClientId }
        { name: 'Host__PublicBaseUrl', value: baseUrl }
        { name: 'Host__EmailFrom', value: emailFrom }
        { name: 'Documents__Store', value: 'AzureStorage' }
        { name: 'Workflows__RegistryStore', value: 'AzureStorage' }
        { name: 'Workflows__RegistryTable', value: registryTable }
        { name: 'Workflows__SeedNetworks', value: 'false' }
        { name: 'Workflows__EmailProvider', value: 'SendGrid' }
        { name: 'Workflows__SendGridApiKey', value: '@Microsoft.KeyVault(SecretUri=${sendGridSecretUri})' }
        { name: 'Workflows__LinkSecret', value: '@Microsoft.KeyVault(SecretUri=${linkSecretUri})' }
      ]
    }
  }
}

@description('Function app name.')
output name string = app.name

@description('Default host name, e.g. <name>.azurewebsites.net.')
output defaultHostName string = app.properties.defaultHostName

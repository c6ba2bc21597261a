@description('Name of the user-assigned managed identity the function app runs as.')
param name string

@description('Azure region for the identity.')
param location string

@description('Tags applied to every resource.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id of the identity.')
output id string = identity.id

@description('Principal (object) id of the identity, for role assignments.')
output principalId string = identity.properties.principalId

@description('Client id of the identity, for AzureWebJobsStorage__clientId.')
output clientId string = identity.properties.clientId

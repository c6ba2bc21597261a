@description('Storage account name: 3 to 24 lowercase letters and digits.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region for the storage account.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Task hub name: prefixes the engine\'s tables and queues.')
param taskHub string

@description('Days a signed document stays immutable (write once, read many) after it is written.')
@minValue(1)
param signedDocumentRetentionDays int

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: { enabled: true, days: 30 }
    containerDeleteRetentionPolicy: { enabled: true, days: 30 }
  }
}

@description('Working documents (welcome letters, drafts).')
resource documents 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: 'documents'
  properties: { publicAccess: 'None' }
}

@description('Signed function descriptions: never overwritten or deleted while the policy holds.')
resource signed 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: 'signed-documents'
  properties: { publicAccess: 'None' }
}

resource signedPolicy 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2023-05-01' = {
  parent: signed
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: signedDocumentRetentionDays
    allowProtectedAppendWrites: false
  }
}

@description('Published annual reports, readable by anyone with the link.')
resource published 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: 'published-reports'
  properties: { publicAccess: 'Blob' }
}

@description('Engine payloads too large for a table row or queue message.')
resource payloads 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: '${taskHub}-payloads'
  properties: { publicAccess: 'None' }
}

@description('Flex Consumption deployment packages.')
resource deployments 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: 'deployments'
  properties: { publicAccess: 'None' }
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource instancesTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tables
  name: '${taskHub}Instances'
}

@description('Due times of the engine\'s work, read on the engine\'s clock (instance partitions hold state, history and inbox).')
resource workTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tables
  name: '${taskHub}Work'
}

@description('The network registry: networks, areas, units, nurses, their audit trail and once-only keys.')
resource registryTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tables
  name: 'Registry'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource workQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queues
  name: '${taskHub}-work'
}

resource poisonQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queues
  name: '${taskHub}-work-poison'
}

@description('Storage account name.')
output name string = account.name

@description('Blob endpoint, e.g. https://<name>.blob.core.windows.net/.')
output blobEndpoint string = account.properties.primaryEndpoints.blob

@description('Name of the engine\'s work queue (the queue trigger listens to it).')
output workQueueName string = workQueue.name

@description('Container for Flex Consumption deployment packages.')
output deploymentContainer string = deployments.name

@description('Name of the registry table.')
output registryTable string = registryTable.name

@description('Names of the engine\'s tables and the payload and document containers, for reference.')
output engineResources object = {
  instances: instancesTable.name
  work: workTable.name
  poisonQueue: poisonQueue.name
  payloads: payloads.name
  documents: documents.name
  signedDocuments: signed.name
  publishedReports: published.name
}

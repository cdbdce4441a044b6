console.log('runlens');

// Lets ts-jest apply the @nestjs/swagger compiler plugin, as `nest build` does.
const { before } = require('@nestjs/swagger/plugin');

module.exports = {
  name: 'nestjs-swagger-transformer',
  version: 1,
  factory: (compiler, options) => before(options, compiler.program),
};

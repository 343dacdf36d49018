import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthedRequest } from '../auth/auth.guard';
import { RequireRole } from '../auth/roles.decorator';
import { flatten, toCsv, wantsCsv } from '../common/csv';
import type { Claim, ClaimDetail, ClaimListItem, ClaimVersion, VendorItemPage, VendorUploadReport } from '../contract';
import { contractList, contractRef } from '../http/api-docs';
import { ClaimInputDto, ClaimReadQueryDto, VendorItemsQueryDto, VendorUploadQueryDto } from './claim-input.dto';
import { ClaimsService } from './claims.service';

// A malformed id names no claim: 404, as for an id that does not exist.
const uuid = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('claim: not found (ids are UUIDs)') });

@ApiTags('claims')
@ApiBearerAuth()
@Controller('api/v1/claims')
export class ClaimsController {
  constructor(private readonly claims: ClaimsService) {}

  @Get()
  @ApiOkResponse({ description: 'Every claim with its overall verdict, newest first', schema: contractList('ClaimListItem') })
  @RequireRole('viewer')
  list(@Query() q: ClaimReadQueryDto): Promise<ClaimListItem[]> {
    return this.claims.list(q.wait);
  }

  @Post()
  @ApiCreatedResponse({ description: 'The claim, checked', schema: contractRef('ClaimDetail') })
  @RequireRole('admin')
  create(@Body() dto: ClaimInputDto, @Req() req: AuthedRequest): Promise<ClaimDetail> {
    return this.claims.create(dto, req.principal!.name);
  }

  @Get(':id')
  @ApiOkResponse({ description: 'The claim, each figure checked against the events, and its vendor reconciliation', schema: contractRef('ClaimDetail') })
  @RequireRole('viewer')
  detail(@Param('id', uuid) id: string, @Query() q: ClaimReadQueryDto): Promise<ClaimDetail> {
    return this.claims.detail(id, q.wait);
  }

  @Put(':id')
  @ApiOkResponse({ description: 'The new version, checked', schema: contractRef('ClaimDetail') })
  @RequireRole('admin')
  update(@Param('id', uuid) id: string, @Body() dto: ClaimInputDto, @Req() req: AuthedRequest): Promise<ClaimDetail> {
    return this.claims.update(id, dto, req.principal!.name);
  }

  @Delete(':id')
  @ApiOkResponse({ description: 'The claim as it was deleted (its versions stay)', schema: contractRef('Claim') })
  @RequireRole('admin')
  remove(@Param('id', uuid) id: string, @Req() req: AuthedRequest): Promise<Claim> {
    return this.claims.remove(id, req.principal!.name);
  }

  @Get(':id/versions')
  @ApiOkResponse({ description: 'Every version, newest first, with who and when', schema: contractList('ClaimVersion') })
  @RequireRole('viewer')
  versions(@Param('id', uuid) id: string): Promise<ClaimVersion[]> {
    return this.claims.versions(id);
  }

  @Post(':id/vendor-export')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', description: 'the vendor export: a header line, then one line per billed conversation' } })
  @ApiOkResponse({ description: 'What was kept, skipped (already there) and refused (by row), and the reconciliation', schema: contractRef('VendorUploadReport') })
  @RequireRole('admin')
  upload(@Param('id', uuid) id: string, @Query() q: VendorUploadQueryDto, @Body() body: unknown, @Req() req: AuthedRequest): Promise<VendorUploadReport> {
    return this.claims.uploadVendorExport(id, body, q.preset, q.mapping, req.principal!.name, q.ticketPrefix);
  }

  @Get(':id/vendor-export')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'The billed conversations (of one class), with our ticket; CSV with format=csv', schema: contractRef('VendorItemPage') })
  @RequireRole('viewer')
  async items(@Param('id', uuid) id: string, @Query() q: VendorItemsQueryDto, @Res({ passthrough: true }) res: FastifyReply): Promise<VendorItemPage | string> {
    if (!wantsCsv(q.format, res.request.headers.accept)) return this.claims.vendorItems(id, q.class, q.limit, q.cursor);
    // CSV: every row of the class, for the conversation with the vendor.
    const items = await this.claims.allVendorItems(id, q.class);
    res.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="claimcheck-vendor-${q.class ?? 'all'}.csv"`);
    return toCsv(items.map((x) => flatten(x)));
  }
}
